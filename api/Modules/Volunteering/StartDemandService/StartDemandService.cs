using FluentValidation;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.StartDemandService;

internal sealed record StartDemandServiceRequest(string? Note);

/// <summary>开始服务: the claimant starts serving.</summary>
internal sealed record StartDemandServiceCommand(Guid Id, long ExpectedVersion, StartDemandServiceRequest Body)
    : ICommand<DemandResponse>;

internal sealed class StartDemandServiceValidator : AbstractValidator<StartDemandServiceCommand>
{
    public StartDemandServiceValidator() => RuleFor(c => c.Body.Note).MaximumLength(500);
}

internal sealed class StartDemandServiceHandler(DemandTransitions transitions)
    : ICommandHandler<StartDemandServiceCommand, DemandResponse>
{
    private const string AdvanceSql = """
        UPDATE volunteer_demands SET state = 'InService', started_at = @now, due_on = wished_on, updated_at = @now,
            version = version + 1
        WHERE id = @id AND version = @version AND state = @expectedState AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<DemandResponse> Handle(
        StartDemandServiceCommand command,
        CancellationToken cancellationToken
    )
    {
        var step = await transitions.StartAsync(
            command.Id,
            command.ExpectedVersion,
            DemandStep.Start,
            cancellationToken
        );
        return await step.AdvanceAsync(AdvanceSql, new { }, command.Body.Note, null, cancellationToken);
    }
}
