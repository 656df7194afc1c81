using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.CheckOut;

/// <summary>
/// A checked-in volunteer leaves: the time served inside the scheduled window is rounded by the region's rule and
/// capped by what the person already has that day, and credited to the session (which completes).
/// </summary>
internal sealed record CheckOutCommand(Guid SessionId, long IfMatch, AttendanceRequest Body)
    : ICommand<SessionResponse>;

internal sealed class CheckOutValidator : AbstractValidator<CheckOutCommand>
{
    public CheckOutValidator() => RuleFor(c => c.Body).SetValidator(new AttendanceRequestValidator());
}

internal sealed class CheckOutHandler(
    DbSession db,
    CurrentScope currentScope,
    VolunteeringRuleSets rules,
    TimeProvider clock
) : ICommandHandler<CheckOutCommand, SessionResponse>
{
    private const string UpdateSql =
        """
            UPDATE volunteer_sessions SET state = 'Completed', checked_out_at = @now, check_out_evidence = @evidence,
                evidence_note = @note, credited_half_hours = @credited, updated_at = @now, version = version + 1
            """
        + "\n"
        + SessionStep.Guard;

    public async ValueTask<SessionResponse> Handle(CheckOutCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var step = await SessionStep.StartAsync(
            db,
            scope,
            command.SessionId,
            command.IfMatch,
            SessionState.CheckedIn,
            cancellationToken
        );
        var activity = await Activities.FindAsync(db, scope, step.Row.ActivityId, cancellationToken);
        var now = clock.GetUtcNow();
        Attendance.EnsureCode(command.Body, activity, now);
        var settings = (await rules.ForAsync(activity.OrgId, cancellationToken)).Hours;
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
        var credited = ServiceHourRules.Credit(
            step.Row.CheckedInAt!.Value,
            now,
            step.Row.StartsAt,
            step.Row.EndsAt,
            creditedThatDay,
            settings
        );
        var note = string.Join(
            "；",
            new[] { step.Row.EvidenceNote, Attendance.Note(command.Body) }.Where(n => !string.IsNullOrEmpty(n))
        );
        return await step.AdvanceAsync(
            UpdateSql,
            new()
            {
                ["now"] = now,
                ["evidence"] = command.Body.Evidence!.Value.ToString(),
                ["note"] = note,
                ["credited"] = credited,
            },
            cancellationToken
        );
    }
}
