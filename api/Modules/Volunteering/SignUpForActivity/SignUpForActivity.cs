using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.SignUpForActivity;

internal sealed record SignUpRequest(Guid? VolunteerId);

/// <summary>
/// Signs a volunteer up: the quota is taken in one conditional UPDATE of the activity's counter (of any number of
/// simultaneous sign-ups for the last place exactly one gets it), then the session is inserted guarded by the
/// person's other sessions (no overlap); a refusal of the insert rolls the counter back with the transaction.
/// </summary>
internal sealed record SignUpCommand(Guid ActivityId, SignUpRequest Body) : ICommand<SessionResponse>;

internal sealed class SignUpValidator : AbstractValidator<SignUpCommand>
{
    public SignUpValidator() => RuleFor(c => c.Body.VolunteerId).NotNull();
}

internal sealed class SignUpHandler(DbSession db, CurrentScope currentScope, CallerAccessor callers, TimeProvider clock)
    : ICommandHandler<SignUpCommand, SessionResponse>
{
    private const string TakePlaceSql = """
        UPDATE volunteer_activities SET signed_up = signed_up + 1
        WHERE id = @activityId AND signed_up < quota AND ends_at > @now
        """;

    private const string InsertSql =
        """
            INSERT INTO volunteer_sessions (id, org_id, org_path, region_root_id, activity_id, volunteer_id, state,
                starts_at, ends_at, service_day, credited_half_hours, recorded_by, created_at, updated_at, version)
            SELECT @id, @orgId, @orgPath, @regionRootId, @activityId, @volunteerId, 'SignedUp', @startsAt, @endsAt,
                @serviceDay, 0, @recordedBy, @now, @now, 1
            WHERE NOT EXISTS (SELECT 1 FROM volunteer_sessions WHERE activity_id = @activityId AND volunteer_id =
                @volunteerId)
              AND
            """
        + " "
        + Sessions.NoOverlap;

    private const string AlreadySql =
        "SELECT COUNT(*) FROM volunteer_sessions WHERE activity_id = @activityId AND volunteer_id = @volunteerId";

    public async ValueTask<SessionResponse> Handle(SignUpCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var activity = await Activities.FindAsync(db, scope, command.ActivityId, cancellationToken);
        VolunteerRow volunteer;
        try
        {
            volunteer = await Volunteers.FindAsync(db, scope, command.Body.VolunteerId!.Value, cancellationToken);
        }
        catch (NotFoundException)
        {
            throw VolunteeringErrors.VolunteerNotFound();
        }
        var now = clock.GetUtcNow();
        if (await db.ExecuteAsync(TakePlaceSql, new { activityId = activity.Id, now }, cancellationToken) == 0)
        {
            throw now >= activity.EndsAt
                ? VolunteeringErrors.ActivityOver()
                : VolunteeringErrors.ActivityFull(activity.Quota);
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
