using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Volunteering.Domain;

/// <summary>A party volunteer team (党员志愿服务队) as read and answered.</summary>
internal static class Teams
{
    public const string Columns =
        "t.id, t.org_id, t.name, t.leader_id, t.skills, t.member_count, t.version, "
        + "(SELECT l.name FROM volunteers l WHERE l.id = t.leader_id) AS leader_name";

    public const string FindSql =
        "SELECT " + Columns + " FROM volunteer_teams t WHERE t.id = @id AND t.org_path >= @from AND t.org_path < @to";

    public static async Task<TeamRow> FindAsync(DbSession db, DataScope scope, Guid id, CancellationToken token) =>
        await db.QuerySingleOrDefaultAsync<TeamRow>(
            FindSql,
            new
            {
                id,
                from = scope.From,
                to = scope.To,
            },
            token
        ) ?? throw new NotFoundException("Team");

    public static TeamResponse ToResponse(this TeamRow row, IReadOnlyDictionary<Guid, string> names) =>
        new(
            row.Id,
            row.OrgId,
            names.GetValueOrDefault(row.OrgId, ""),
            row.Name,
            row.LeaderId,
            row.LeaderName,
            Skills.Split(row.Skills),
            row.MemberCount,
            row.Version
        );
}

internal sealed record TeamRow
{
    public Guid Id { get; init; }
    public Guid OrgId { get; init; }
    public string Name { get; init; } = "";
    public Guid? LeaderId { get; init; }
    public string? LeaderName { get; init; }
    public string Skills { get; init; } = "";
    public int MemberCount { get; init; }
    public long Version { get; init; }
}

internal sealed record TeamResponse(
    Guid Id,
    Guid OrganizationId,
    string OrganizationName,
    string Name,
    Guid? LeaderId,
    string? LeaderName,
    IReadOnlyList<string> Skills,
    int MemberCount,
    long Version
);

/// <summary>An activity (志愿服务活动) with its scheduled window and quota.</summary>
internal static class Activities
{
    public const string Columns =
        "a.id, a.org_id, a.org_path, a.region_root_id, a.team_id, a.title, a.place, a.starts_at, a.ends_at, "
        + "a.service_day, a.quota, a.signed_up, a.code_secret, a.version, "
        + "(SELECT t.name FROM volunteer_teams t WHERE t.id = a.team_id) AS team_name";

    public const string FindSql =
        "SELECT "
        + Columns
        + " FROM volunteer_activities a WHERE a.id = @id AND a.org_path >= @from AND a.org_path < @to";

    public static async Task<ActivityRow> FindAsync(DbSession db, DataScope scope, Guid id, CancellationToken token) =>
        await db.QuerySingleOrDefaultAsync<ActivityRow>(
            FindSql,
            new
            {
                id,
                from = scope.From,
                to = scope.To,
            },
            token
        ) ?? throw new NotFoundException("Activity");

    public static ActivityResponse ToResponse(
        this ActivityRow row,
        IReadOnlyDictionary<Guid, string> names,
        DateTimeOffset now
    ) =>
        new(
            row.Id,
            row.OrgId,
            names.GetValueOrDefault(row.OrgId, ""),
            row.TeamId,
            row.TeamName,
            row.Title,
            row.Place,
            row.StartsAt,
            row.EndsAt,
            row.ServiceDay,
            row.Quota,
            row.SignedUp,
            now >= row.EndsAt,
            row.Version
        );

    /// <summary>The calendar day of an instant in China Standard Time (the day the daily cap counts).</summary>
    public static DateOnly DayOf(DateTimeOffset at) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, ShanghaiCalendar.Zone).DateTime);
}

internal sealed record ActivityRow
{
    public Guid Id { get; init; }
    public Guid OrgId { get; init; }
    public string OrgPath { get; init; } = "";
    public Guid RegionRootId { get; init; }
    public Guid? TeamId { get; init; }
    public string? TeamName { get; init; }
    public string Title { get; init; } = "";
    public string Place { get; init; } = "";
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public DateOnly ServiceDay { get; init; }
    public int Quota { get; init; }
    public int SignedUp { get; init; }
    public string CodeSecret { get; init; } = "";
    public long Version { get; init; }
}

internal sealed record ActivityResponse(
    Guid Id,
    Guid OrganizationId,
    string OrganizationName,
    Guid? TeamId,
    string? TeamName,
    string Title,
    string Place,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateOnly ServiceDay,
    int Quota,
    int SignedUp,
    bool Over,
    long Version
);
