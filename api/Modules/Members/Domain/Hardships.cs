using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Contracts;

namespace Jiceng.Modules.Members.Domain;

/// <summary>The kinds of hardship the register distinguishes.</summary>
internal enum HardshipCategory
{
    [Label("因病致困", "Illness")]
    Illness,

    [Label("因残致困", "Disability")]
    Disability,

    [Label("年老体弱", "Old age and frailty")]
    Elderly,

    [Label("低收入", "Low income")]
    LowIncome,

    [Label("因灾致困", "Disaster")]
    Disaster,

    [Label("其他", "Other")]
    Other,
}

/// <summary>
/// A hardship entry. The notes are personal data (illness, income): a response only says whether there are
/// any; reading them goes through the reveal route, with its permission, reason, audit row and limit.
/// </summary>
internal sealed record HardshipResponse(
    Guid Id,
    Guid MemberId,
    HardshipCategory Category,
    DateOnly Since,
    DateOnly? Until,
    bool Current,
    bool HasNotes,
    long Version
);

internal sealed record HardshipRow
{
    public Guid Id { get; init; }
    public Guid MemberId { get; init; }
    public HardshipCategory Category { get; init; }
    public DateOnly Since { get; init; }
    public DateOnly? Until { get; init; }
    public string? NotesCipher { get; init; }
    public long Version { get; init; }

    public bool CurrentOn(DateOnly day) => Since <= day && (Until is null || Until >= day);

    public HardshipResponse ToResponse(DateOnly today) =>
        new(Id, MemberId, Category, Since, Until, CurrentOn(today), NotesCipher is not null, Version);
}

internal static class Hardships
{
    public const string Columns = "id, member_id, category, since, until, notes_cipher, version";

    public const string ForMemberSql =
        "SELECT " + Columns + " FROM member_hardships WHERE member_id = @memberId ORDER BY since DESC, id";

    public const string NotesSql = "SELECT notes_cipher FROM member_hardships WHERE id = @id AND member_id = @memberId";
}

/// <summary>The Contracts door to the hardship register (for the Assistance module).</summary>
internal sealed class MemberHardshipsDirectory(DbSession db) : IMemberHardships
{
    // On the register that day: active, or deceased on or after it (a past day's ledger keeps those who died since).
    private const string OnTheRegister = "(m.status = 'Active' OR (m.status = 'Deceased' AND m.died_on >= @day))";

    private const string Select = """
        SELECT h.member_id, m.name, m.org_id, h.category, h.since, h.until
        FROM member_hardships h JOIN members m ON m.id = h.member_id
        WHERE m.org_path >= @from AND m.org_path < @to AND h.since <= @day AND (h.until IS NULL OR h.until >= @day)
        """;

    private const string OnSql =
        Select + " AND h.member_id = @memberId AND " + OnTheRegister + " ORDER BY h.since DESC";

    private const string OnDaySql =
        Select + " AND " + OnTheRegister + " ORDER BY m.org_path, m.name {collate-zh}, m.id";

    public async Task<IReadOnlyList<MemberInHardship>> OnDayAsync(
        DateOnly day,
        DataScope scope,
        CancellationToken cancellationToken
    ) => (
            await db.QueryAsync<Row>(
                OnDaySql,
                new
                {
                    from = scope.From,
                    to = scope.To,
                    day,
                },
                cancellationToken
            )
        ).Select(r => new MemberInHardship(r.MemberId, r.Name, r.OrgId, r.Category, r.Since, r.Until)).ToList();

    public async Task<MemberInHardship?> OnAsync(
        Guid memberId,
        DateOnly day,
        DataScope scope,
        CancellationToken cancellationToken
    )
    {
        var rows = await db.QueryAsync<Row>(
            OnSql,
            new
            {
                memberId,
                from = scope.From,
                to = scope.To,
                day,
            },
            cancellationToken
        );
        return rows.Select(r => new MemberInHardship(r.MemberId, r.Name, r.OrgId, r.Category, r.Since, r.Until))
            .FirstOrDefault();
    }

    private sealed record Row
    {
        public Guid MemberId { get; init; }
        public string Name { get; init; } = "";
        public Guid OrgId { get; init; }
        public string Category { get; init; } = "";
        public DateOnly Since { get; init; }
        public DateOnly? Until { get; init; }
    }
}
