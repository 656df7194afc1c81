using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.ApproveLateEntry;

internal sealed record LateEntryDecisionRequest(string? Note);

/// <summary>
/// Another coordinator approves a late entry: its time is credited by the same rules as a check-out (inside the
/// scheduled window, rounded, capped for the day).
/// </summary>
internal sealed record ApproveLateEntryCommand(Guid SessionId, long IfMatch, LateEntryDecisionRequest Body)
    : ICommand<SessionResponse>;

internal sealed class ApproveLateEntryValidator : AbstractValidator<ApproveLateEntryCommand>
{
    public ApproveLateEntryValidator() => RuleFor(c => c.Body.Note).MaximumLength(200);
}

internal sealed class ApproveLateEntryHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    VolunteeringRuleSets rules,
    TimeProvider clock
) : ICommandHandler<ApproveLateEntryCommand, SessionResponse>
{
    private const string UpdateSql =
        """
            UPDATE volunteer_sessions SET state = 'Completed', credited_half_hours = @credited, decided_by = @decidedBy,
                decision_note = @note, updated_at = @now, version = version + 1
            """
        + "\n"
        + SessionStep.Guard;

    public async ValueTask<SessionResponse> Handle(ApproveLateEntryCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var step = await SessionStep.StartAsync(
            db,
            scope,
            command.SessionId,
            command.IfMatch,
            SessionState.PendingApproval,
            cancellationToken
        );
        var decidedBy = Actor.Of(callers.Current);
        if (decidedBy == step.Row.RecordedBy)
        {
            throw VolunteeringErrors.LateEntrySelfApproval();
        }
        var settings = (await rules.ForAsync(step.Row.OrgId, cancellationToken)).Hours;
        var creditedThatDay = await db.ExecuteScalarAsync<int>(
            Sessions.CreditedOnDaySql,
            new
            {
                volunteerId = step.Row.VolunteerId,
                day = step.Row.ServiceDay,
                id = step.Row.Id,
            },
            cancellationToken
        );
        return await step.AdvanceAsync(
            UpdateSql,
            new()
            {
                ["credited"] = ServiceHourRules.Credit(
                    step.Row.CheckedInAt!.Value,
                    step.Row.CheckedOutAt!.Value,
                    step.Row.StartsAt,
                    step.Row.EndsAt,
                    creditedThatDay,
                    settings
                ),
                ["decidedBy"] = decidedBy,
                ["note"] = command.Body.Note?.Trim() ?? "",
                ["now"] = clock.GetUtcNow(),
            },
            cancellationToken
        );
    }
}
