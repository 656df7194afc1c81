using FluentValidation;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.AcceptDemand;

internal sealed record AcceptDemandRequest(string? Note);

/// <summary>
/// 受理: the community's organization accepts the demand; the dispatch-or-claim deadline starts (the region's working
/// days).
/// </summary>
internal sealed record AcceptDemandCommand(Guid Id, long ExpectedVersion, AcceptDemandRequest Body)
    : ICommand<DemandResponse>;

internal sealed class AcceptDemandValidator : AbstractValidator<AcceptDemandCommand>
{
    public AcceptDemandValidator() => RuleFor(c => c.Body.Note).MaximumLength(500);
}

internal sealed class AcceptDemandHandler(DemandTransitions transitions)
    : ICommandHandler<AcceptDemandCommand, DemandResponse>
{
    private const string AdvanceSql = """
        UPDATE volunteer_demands SET state = 'Accepted', accepted_at = @now, assign_due_on = @assignDueOn,
            due_on = @assignDueOn, updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND state = @expectedState AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<DemandResponse> Handle(AcceptDemandCommand command, CancellationToken cancellationToken)
    {
        var step = await transitions.StartAsync(
            command.Id,
            command.ExpectedVersion,
            DemandStep.Accept,
            cancellationToken
        );
        var assignDueOn = await step.WorkingDaysFromTomorrowAsync(
            step.Rules.AssignWithinWorkingDays.Value,
            cancellationToken
        );
        return await step.AdvanceAsync(AdvanceSql, new { assignDueOn }, command.Body.Note, null, cancellationToken);
    }
}
