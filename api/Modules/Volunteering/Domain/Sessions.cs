using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Volunteering.Domain;

/// <summary>A volunteer's session at an activity: the sign-up, its attendance and its credited time.</summary>
internal static class Sessions
{
    public const string Columns =
        "s.id, s.org_id, s.activity_id, s.volunteer_id, s.state, s.starts_at, s.ends_at, s.service_day, "
        + "s.checked_in_at, s.check_in_evidence, s.checked_out_at, s.check_out_evidence, s.evidence_note, "
        + "s.credited_half_hours, s.late_reason, s.recorded_by, s.decided_by, s.decision_note, s.version, "
        + "v.name AS volunteer_name, a.title AS activity_title";

    public const string From =
        "FROM volunteer_sessions s JOIN volunteers v ON v.id = s.volunteer_id "
        + "JOIN volunteer_activities a ON a.id = s.activity_id";

    public const string FindSql =
        "SELECT " + Columns + " " + From + " WHERE s.id = @id AND s.org_path >= @from AND s.org_path < @to";

    /// <summary>
    /// Another session of the same person whose scheduled time overlaps [@startsAt, @endsAt) and still counts or may
    /// (refused and no-show sessions free the time). Appended to the inserting statements as their own guard.
    /// </summary>
    public const string NoOverlap = """
        NOT EXISTS (SELECT 1 FROM volunteer_sessions o WHERE o.volunteer_id = @volunteerId
            AND o.state IN ('SignedUp', 'CheckedIn', 'Completed', 'PendingApproval')
            AND o.starts_at < @endsAt AND @startsAt < o.ends_at)
        """;

    /// <summary>What the person already has credited on the day (the daily cap counts against it).</summary>
    public const string CreditedOnDaySql = """
        SELECT COALESCE(SUM(credited_half_hours), 0) FROM volunteer_sessions
        WHERE volunteer_id = @volunteerId AND service_day = @day AND state = 'Completed' AND id <> @id
        """;

    public static async Task<SessionRow> FindAsync(DbSession db, DataScope scope, Guid id, CancellationToken token) =>
        await db.QuerySingleOrDefaultAsync<SessionRow>(
            FindSql,
            new
            {
                id,
                from = scope.From,
                to = scope.To,
            },
            token
        ) ?? throw new NotFoundException("Session");

    /// <summary>The steps a session in this state may take next (the 409's allowedSteps).</summary>
    public static IReadOnlyList<string> AllowedSteps(SessionState state) =>
        state switch
        {
            SessionState.SignedUp => ["check-in", "no-show"],
            SessionState.CheckedIn => ["check-out"],
            SessionState.PendingApproval => ["approve", "reject"],
            _ => [],
        };

    public static SessionResponse ToResponse(this SessionRow row) =>
        new(
            row.Id,
            row.ActivityId,
            row.ActivityTitle,
            row.VolunteerId,
            row.VolunteerName,
            row.State,
            row.StartsAt,
            row.EndsAt,
            row.ServiceDay,
            row.CheckedInAt,
            row.CheckInEvidence,
            row.CheckedOutAt,
            row.CheckOutEvidence,
            row.EvidenceNote,
            ServiceHourRules.Hours(row.CreditedHalfHours),
            row.LateReason,
            row.DecisionNote,
            AllowedSteps(row.State),
            row.Version
        );
}

internal sealed record SessionRow
{
    public Guid Id { get; init; }
    public Guid OrgId { get; init; }
    public Guid ActivityId { get; init; }
    public string ActivityTitle { get; init; } = "";
    public Guid VolunteerId { get; init; }
    public string VolunteerName { get; init; } = "";
    public SessionState State { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public DateOnly ServiceDay { get; init; }
    public DateTimeOffset? CheckedInAt { get; init; }
    public AttendanceEvidence? CheckInEvidence { get; init; }
    public DateTimeOffset? CheckedOutAt { get; init; }
    public AttendanceEvidence? CheckOutEvidence { get; init; }
    public string? EvidenceNote { get; init; }
    public int CreditedHalfHours { get; init; }
    public string? LateReason { get; init; }
    public string RecordedBy { get; init; } = "";
    public string? DecidedBy { get; init; }
    public string? DecisionNote { get; init; }
    public long Version { get; init; }
}

/// <summary>A session as answered: credited hours (within the scheduled time, rounded, capped), next steps.</summary>
internal sealed record SessionResponse(
    Guid Id,
    Guid ActivityId,
    string ActivityTitle,
    Guid VolunteerId,
    string VolunteerName,
    SessionState State,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateOnly ServiceDay,
    DateTimeOffset? CheckedInAt,
    AttendanceEvidence? CheckInEvidence,
    DateTimeOffset? CheckedOutAt,
    AttendanceEvidence? CheckOutEvidence,
    string? EvidenceNote,
    decimal CreditedHours,
    string? LateReason,
    string? DecisionNote,
    IReadOnlyList<string> AllowedSteps,
    long Version
);

/// <summary>
/// A session step (check-in, check-out, no-show, a late entry's decision): load in scope, compare If-Match before
/// any state rule, check the state, then advance with the slice's own whole UPDATE ending in <see cref="Guard"/>;
/// zero rows is 412 when the version moved, else the state refusal.
/// </summary>
internal sealed class SessionStep
{
    public const string Guard = "WHERE id = @id AND version = @version AND state = @state";

    private readonly DbSession _db;
    private readonly DataScope _scope;

    private SessionStep(DbSession db, DataScope scope, SessionRow row)
    {
        _db = db;
        _scope = scope;
        Row = row;
    }

    public SessionRow Row { get; }

    public static async Task<SessionStep> StartAsync(
        DbSession db,
        DataScope scope,
        Guid id,
        long ifMatch,
        SessionState from,
        CancellationToken token
    )
    {
        var row = await Sessions.FindAsync(db, scope, id, token);
        if (row.Version != ifMatch)
        {
            throw new PreconditionFailedException();
        }
        if (row.State != from)
        {
            throw VolunteeringErrors.WrongSessionState(row.State, Sessions.AllowedSteps(row.State));
        }
        return new SessionStep(db, scope, row);
    }

    /// <summary>Runs the step's UPDATE (id, version and state added to its parameters); answers the new row.</summary>
    public async Task<SessionResponse> AdvanceAsync(
        string sql,
        Dictionary<string, object?> parameters,
        CancellationToken token
    )
    {
        parameters["id"] = Row.Id;
        parameters["version"] = Row.Version;
        parameters["state"] = Row.State.ToString();
        var changed = await _db.ExecuteAsync(sql, parameters, token);
        var now = await Sessions.FindAsync(_db, _scope, Row.Id, token);
        if (changed == 0)
        {
            throw now.Version != Row.Version
                ? new PreconditionFailedException()
                : VolunteeringErrors.WrongSessionState(now.State, Sessions.AllowedSteps(now.State));
        }
        return now.ToResponse();
    }
}

/// <summary>Who recorded or decided a step, as kept on the session (the self-approval check compares these).</summary>
internal static class Actor
{
    public static string Of(Caller caller) => $"{caller.Kind}:{caller.Id?.ToString() ?? caller.Name}";
}
