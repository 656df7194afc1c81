using FluentValidation;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.ReopenDemand;

internal sealed record ReopenDemandRequest(string? Reason);

/// <summary>
/// 重新办理: the requester says the need was not met; the demand goes back to accepted, without its claimant, with a new
/// dispatch-or-claim deadline.
/// </summary>
internal sealed record ReopenDemandCommand(Guid Id, long ExpectedVersion, ReopenDemandRequest Body)
    : ICommand<DemandResponse>;

internal sealed class ReopenDemandValidator : AbstractValidator<ReopenDemandCommand>
{
    public ReopenDemandValidator() => RuleFor(c => c.Body.Reason).RequiredText(2).MaximumLength(500);
}

internal sealed class ReopenDemandHandler(DemandTransitions transitions)
    : ICommandHandler<ReopenDemandCommand, DemandResponse>
{
    private const string AdvanceSql = """
        UPDATE volunteer_demands SET state = 'Accepted', reason = @reason, claimant_kind = NULL, claimant_id = NULL,
            claimant_name = NULL, assignment = NULL, assigned_at = NULL, started_at = NULL, completed_at = NULL,
            completed_on = NULL, stars = NULL, rating_comment = NULL, rated_at = NULL, assign_due_on = @assignDueOn,
            due_on = @assignDueOn, updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND state = @expectedState AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<DemandResponse> Handle(ReopenDemandCommand command, CancellationToken cancellationToken)
    {
        var step = await transitions.StartAsync(
            command.Id,
            command.ExpectedVersion,
            DemandStep.Reopen,
            cancellationToken
        );
        var reason = VisibleText.Trim(command.Body.Reason);
        var assignDueOn = await step.WorkingDaysFromTomorrowAsync(
            step.Rules.AssignWithinWorkingDays.Value,
            cancellationToken
        );
        return await step.AdvanceAsync(AdvanceSql, new { reason, assignDueOn }, reason, null, cancellationToken);
    }
}
