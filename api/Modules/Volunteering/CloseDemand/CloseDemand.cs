using FluentValidation;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.CloseDemand;

internal sealed record CloseDemandRequest(string? Note);

/// <summary>办结: close a rated demand.</summary>
internal sealed record CloseDemandCommand(Guid Id, long ExpectedVersion, CloseDemandRequest Body)
    : ICommand<DemandResponse>;

internal sealed class CloseDemandValidator : AbstractValidator<CloseDemandCommand>
{
    public CloseDemandValidator() => RuleFor(c => c.Body.Note).MaximumLength(500);
}

internal sealed class CloseDemandHandler(DemandTransitions transitions)
    : ICommandHandler<CloseDemandCommand, DemandResponse>
{
    private const string AdvanceSql = """
        UPDATE volunteer_demands SET state = 'Closed', closed_at = @now, due_on = NULL, updated_at = @now,
            version = version + 1
        WHERE id = @id AND version = @version AND state = @expectedState AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<DemandResponse> Handle(CloseDemandCommand command, CancellationToken cancellationToken)
    {
        var step = await transitions.StartAsync(
            command.Id,
            command.ExpectedVersion,
            DemandStep.Close,
            cancellationToken
        );
        return await step.AdvanceAsync(AdvanceSql, new { }, command.Body.Note, null, cancellationToken);
    }
}
