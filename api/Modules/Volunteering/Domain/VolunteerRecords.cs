using System.Security.Cryptography;
using System.Text;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Volunteering.Domain;

internal enum VolunteerKind
{
    [Label("党员", "Party member")]
    Member,

    [Label("居民志愿者", "Resident")]
    Resident,
}

internal enum SessionState
{
    [Label("已报名", "Signed up")]
    SignedUp,

    [Label("已签到", "Checked in")]
    CheckedIn,

    [Label("已完成", "Completed")]
    Completed,

    [Label("未到", "No-show")]
    NoShow,

    [Label("补录待审核", "Late entry awaiting approval")]
    PendingApproval,

    [Label("补录未通过", "Late entry rejected")]
    Rejected,
}

/// <summary>What proves a check-in or check-out (谁组织谁记录): kept on the record with its note.</summary>
internal enum AttendanceEvidence
{
    [Label("组织者确认", "Organizer's confirmation")]
    Organizer,

    [Label("现场动态码", "Code shown at the place")]
    SiteCode,

    [Label("服务对象确认", "Served person's confirmation")]
    ServedPerson,
}

/// <summary>The organization a volunteering row belongs to: the path copy and region root each row carries.</summary>
internal sealed record VolunteerPlace(Guid OrganizationId, string Name, string Path, Guid RegionRootId);

internal static class VolunteerPlaces
{
    /// <summary>The active organization in scope with its region root, or a 400 on the field.</summary>
    public static async Task<VolunteerPlace> ResolveAsync(
        IOrganizationDirectory organizations,
        DataScope scope,
        Guid organizationId,
        CancellationToken cancellationToken
    )
    {
        var organization =
            await organizations.FindWithinAsync(organizationId, scope, cancellationToken)
            ?? throw VolunteeringErrors.OrganizationNotFound();
        var roots = await organizations.ListRootsAsync(cancellationToken);
        var root = roots
            .Where(r => organization.Path.StartsWith(r.Path, StringComparison.Ordinal))
            .OrderByDescending(r => r.Path.Length)
            .FirstOrDefault();
        return new VolunteerPlace(organization.Id, organization.Name, organization.Path, root?.Id ?? organization.Id);
    }
}

/// <summary>
/// The rotating code an activity shows at its place: six digits from an HMAC of the activity's secret and the
/// current five-minute window, so a volunteer checking in with it must be there (or be told it by someone who
/// is). The window before also counts, so a code read just before it turns still works.
/// </summary>
internal static class SiteCodes
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string At(string secret, DateTimeOffset at)
    {
        var window = at.ToUnixTimeSeconds() / (long)Window.TotalSeconds;
        var hash = HMACSHA256.HashData(
            Convert.FromBase64String(secret),
            Encoding.ASCII.GetBytes(window.ToString(System.Globalization.CultureInfo.InvariantCulture))
        );
        var number = (BitConverter.ToUInt32(hash, 0) & 0x7fffffff) % 1_000_000;
        return number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static DateTimeOffset ValidUntil(DateTimeOffset at)
    {
        var seconds = (long)Window.TotalSeconds;
        return DateTimeOffset.FromUnixTimeSeconds((at.ToUnixTimeSeconds() / seconds + 1) * seconds);
    }

    public static bool Matches(string secret, string? code, DateTimeOffset at) =>
        code is { Length: 6 }
        && (
            CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(At(secret, at)),
                Encoding.ASCII.GetBytes(code)
            )
            || CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(At(secret, at - Window)),
                Encoding.ASCII.GetBytes(code)
            )
        );
}

/// <summary>Volunteers as listed: their total credited hours and star level computed from their sessions.</summary>
internal static class Volunteers
{
    /// <summary>Sessions that count: completed ones and late entries approved (which become Completed).</summary>
    public const string HoursOf =
        "(SELECT COALESCE(SUM(s.credited_half_hours), 0) FROM volunteer_sessions s "
        + "WHERE s.volunteer_id = v.id AND s.state = 'Completed')";

    public const string Columns =
        "v.id, v.org_id, v.kind, v.member_id, v.name, v.phone_mask, v.skills, v.version, " + HoursOf + " AS half_hours";

    public const string FindSql =
        "SELECT " + Columns + " FROM volunteers v WHERE v.id = @id AND v.org_path >= @from AND v.org_path < @to";

    public static async Task<VolunteerRow> FindAsync(
        DbSession db,
        DataScope scope,
        Guid id,
        CancellationToken cancellationToken
    ) =>
        await db.QuerySingleOrDefaultAsync<VolunteerRow>(
            FindSql,
            new
            {
                id,
                from = scope.From,
                to = scope.To,
            },
            cancellationToken
        ) ?? throw new NotFoundException("Volunteer");

    public static VolunteerResponse ToResponse(
        this VolunteerRow row,
        IReadOnlyDictionary<Guid, string> organizationNames,
        IReadOnlyList<int> starThresholds
    ) =>
        new(
            row.Id,
            row.OrgId,
            organizationNames.GetValueOrDefault(row.OrgId, ""),
            row.Kind,
            row.MemberId,
            row.Name,
            row.PhoneMask,
            Skills.Split(row.Skills),
            ServiceHourRules.Hours(row.HalfHours),
            ServiceHourRules.StarLevel(row.HalfHours, starThresholds),
            row.Version
        );
}

internal sealed record VolunteerRow
{
    public Guid Id { get; init; }
    public Guid OrgId { get; init; }
    public VolunteerKind Kind { get; init; }
    public Guid? MemberId { get; init; }
    public string Name { get; init; } = "";
    public string? PhoneMask { get; init; }
    public string Skills { get; init; } = "";
    public long Version { get; init; }
    public int HalfHours { get; init; }
}

/// <summary>A volunteer as answered: the phone only masked; hours and star from completed sessions.</summary>
internal sealed record VolunteerResponse(
    Guid Id,
    Guid OrganizationId,
    string OrganizationName,
    VolunteerKind Kind,
    Guid? MemberId,
    string Name,
    string? PhoneMasked,
    IReadOnlyList<string> Skills,
    decimal TotalHours,
    int StarLevel,
    long Version
);

/// <summary>Skills are kept as one 、-separated column: few, short, and only ever shown or matched whole.</summary>
internal static class Skills
{
    public const int MaxCount = 10;
    public const int MaxLength = 20;

    public static string Join(IEnumerable<string>? skills) =>
        string.Join(
            "、",
            (skills ?? []).Select(s => VisibleText.Trim(s)).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)
        );

    public static IReadOnlyList<string> Split(string skills) =>
        skills.Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
