using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.CheckIn;

/// <summary>A signed-up volunteer arrives: the time and its evidence are kept on the session.</summary>
internal sealed record CheckInCommand(Guid SessionId, long IfMatch, AttendanceRequest Body) : ICommand<SessionResponse>;

internal sealed class CheckInValidator : AbstractValidator<CheckInCommand>
{
    public CheckInValidator() => RuleFor(c => c.Body).SetValidator(new AttendanceRequestValidator());
}

internal sealed class CheckInHandler(DbSession db, CurrentScope currentScope, TimeProvider clock)
    : ICommandHandler<CheckInCommand, SessionResponse>
{
    private const string UpdateSql =
        """
            UPDATE volunteer_sessions SET state = 'CheckedIn', checked_in_at = @now, check_in_evidence = @evidence,
                evidence_note = @note, updated_at = @now, version = version + 1
            """
        + "\n"
        + SessionStep.Guard;

    public async ValueTask<SessionResponse> Handle(CheckInCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var step = await SessionStep.StartAsync(
            db,
            scope,
            command.SessionId,
            command.IfMatch,
            SessionState.SignedUp,
            cancellationToken
        );
        var activity = await Activities.FindAsync(db, scope, step.Row.ActivityId, cancellationToken);
        var now = clock.GetUtcNow();
        if (now < activity.StartsAt - Attendance.OpensBefore || now >= activity.EndsAt)
        {
            throw VolunteeringErrors.CheckInNotOpen();
        }
        Attendance.EnsureCode(command.Body, activity, now);
        return await step.AdvanceAsync(
            UpdateSql,
            new()
            {
                ["now"] = now,
                ["evidence"] = command.Body.Evidence!.Value.ToString(),
                ["note"] = Attendance.Note(command.Body) ?? "",
            },
            cancellationToken
        );
    }
}
