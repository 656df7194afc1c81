using FluentValidation;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.OpenDemandForClaims;

internal sealed record OpenDemandForClaimsRequest(string? Note);

/// <summary>开放接单: open an accepted demand for claiming by a member, a team or a unit.</summary>
internal sealed record OpenDemandForClaimsCommand(Guid Id, long ExpectedVersion, OpenDemandForClaimsRequest Body)
    : ICommand<DemandResponse>;

internal sealed class OpenDemandForClaimsValidator : AbstractValidator<OpenDemandForClaimsCommand>
{
    public OpenDemandForClaimsValidator() => RuleFor(c => c.Body.Note).MaximumLength(500);
}

internal sealed class OpenDemandForClaimsHandler(DemandTransitions transitions)
    : ICommandHandler<OpenDemandForClaimsCommand, DemandResponse>
{
    private const string AdvanceSql = """
        UPDATE volunteer_demands SET state = 'Open', updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND state = @expectedState AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<DemandResponse> Handle(
        OpenDemandForClaimsCommand command,
        CancellationToken cancellationToken
    )
    {
        var step = await transitions.StartAsync(
            command.Id,
            command.ExpectedVersion,
            DemandStep.Open,
            cancellationToken
        );
        return await step.AdvanceAsync(AdvanceSql, new { }, command.Body.Note, null, cancellationToken);
    }
}
