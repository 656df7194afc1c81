using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.RecordLateEntry;

internal sealed record LateEntryRequest(
    Guid? VolunteerId,
    DateTimeOffset? CheckedInAt,
    DateTimeOffset? CheckedOutAt,
    AttendanceEvidence? Evidence,
    string? Reason
);

/// <summary>
/// 补录: service at a past activity recorded afterwards, with the reason it was not recorded at the time; it counts
/// only once another coordinator approves it (谁组织谁记录、谁记录谁证明).
/// </summary>
internal sealed record RecordLateEntryCommand(Guid ActivityId, LateEntryRequest Body) : ICommand<SessionResponse>;

internal sealed class RecordLateEntryValidator : AbstractValidator<RecordLateEntryCommand>
{
    public RecordLateEntryValidator()
    {
        RuleFor(c => c.Body.VolunteerId).NotNull();
        RuleFor(c => c.Body.CheckedInAt).NotNull();
        RuleFor(c => c.Body.CheckedOutAt)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must((c, end) => c.Body.CheckedInAt is null || end > c.Body.CheckedInAt)
            .WithMessage(_ => Localized.Text("签退时间须晚于签到时间。", "Check-out must be after check-in."));
        RuleFor(c => c.Body.Evidence).NotNull().IsInEnum();
        RuleFor(c => c.Body.Reason).RequiredText(5).MaximumLength(200);
    }
}

internal sealed class RecordLateEntryHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    TimeProvider clock
) : ICommandHandler<RecordLateEntryCommand, SessionResponse>
{
    private const string InsertSql =
        """
            INSERT INTO volunteer_sessions (id, org_id, org_path, region_root_id, activity_id, volunteer_id, state,
                starts_at, ends_at, service_day, checked_in_at, check_in_evidence, checked_out_at, check_out_evidence,
                credited_half_hours, late_reason, recorded_by, created_at, updated_at, version)
            SELECT @id, @orgId, @orgPath, @regionRootId, @activityId, @volunteerId, 'PendingApproval', @startsAt,
            @endsAt, @serviceDay, @checkedInAt, @evidence, @checkedOutAt, @evidence, 0, @reason, @recordedBy, @now,
            @now, 1
            WHERE NOT EXISTS (SELECT 1 FROM volunteer_sessions WHERE activity_id = @activityId AND volunteer_id =
                @volunteerId)
              AND
            """
        + " "
        + Sessions.NoOverlap;

    private const string AlreadySql =
        "SELECT COUNT(*) FROM volunteer_sessions WHERE activity_id = @activityId AND volunteer_id = @volunteerId";

    public async ValueTask<SessionResponse> Handle(RecordLateEntryCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var scope = await currentScope.GetAsync(cancellationToken);
        var activity = await Activities.FindAsync(db, scope, command.ActivityId, cancellationToken);
        VolunteerRow volunteer;
        try
        {
            volunteer = await Volunteers.FindAsync(db, scope, body.VolunteerId!.Value, cancellationToken);
        }
        catch (NotFoundException)
        {
            throw VolunteeringErrors.VolunteerNotFound();
        }
        var now = clock.GetUtcNow();
        if (now < activity.EndsAt)
        {
            throw VolunteeringErrors.LateEntryNotPast();
        }
        var id = Guid.CreateVersion7();
        var parameters = new
        {
            id,
            orgId = activity.OrgId,
            orgPath = activity.OrgPath,
            regionRootId = activity.RegionRootId,
            activityId = activity.Id,
            volunteerId = volunteer.Id,
            startsAt = activity.StartsAt,
            endsAt = activity.EndsAt,
            serviceDay = activity.ServiceDay,
            checkedInAt = body.CheckedInAt!.Value.ToUniversalTime(),
            checkedOutAt = body.CheckedOutAt!.Value.ToUniversalTime(),
            evidence = body.Evidence!.Value.ToString(),
            reason = body.Reason!.Trim(),
            recordedBy = Actor.Of(callers.Current),
            now,
        };
        var inserted = await db.ExecuteOrConflictAsync(
            InsertSql,
            parameters,
            VolunteeringErrors.AlreadySignedUp,
            cancellationToken
        );
        if (inserted == 0)
        {
            throw await db.ExecuteScalarAsync<long>(AlreadySql, parameters, cancellationToken) > 0
                ? VolunteeringErrors.AlreadySignedUp()
                : VolunteeringErrors.SessionOverlaps();
        }
        return (await Sessions.FindAsync(db, scope, id, cancellationToken)).ToResponse();
    }
}
