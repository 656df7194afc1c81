using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Dividends.Domain;

/// <summary>One member's holding of one share type on a day.</summary>
internal sealed record ShareHolding
{
    public Guid MemberId { get; init; }
    public Guid HouseholdId { get; init; }
    public string HouseholdNumber { get; init; } = "";
    public string MemberName { get; init; } = "";
    public string IdNumberMasked { get; init; } = "";
    public string Status { get; init; } = "";
    public Guid ShareTypeId { get; init; }
    public string ShareTypeName { get; init; } = "";
    public long WeightTenThousandths { get; init; }
    public long Quantity { get; init; }
}

/// <summary>
/// The share register of a collective as of a day: the sum of every dated change line up to and including it, per
/// member and share type, leaving out holdings that sum to nothing, whatever the member's status (the caller decides
/// who counts). The distribution plans read their shares through the same sums (QuantitiesSql: a plan's cut-off date,
/// the same lines and the same rule for a zero), so the register and the plans cannot disagree about who held what.
/// Ordered by household number, member id and share type, so the same register always comes back the same way.
/// </summary>
internal static class ShareRegister
{
    private const string AsOfSelect = """
        SELECT l.member_id, m.household_id, h.number AS household_number, m.name AS member_name,
            m.id_number_masked, m.status, l.share_type_id, t.name AS share_type_name, t.weight_ten_thousandths,
            SUM(l.delta) AS quantity
        FROM collective_share_change_lines l
        JOIN collective_members m ON m.id = l.member_id
        JOIN collective_households h ON h.id = m.household_id
        JOIN collective_share_types t ON t.id = l.share_type_id
        WHERE l.collective_id = @collectiveId AND l.effective_on <= @asOf
        """;

    private const string AsOfGrouping = """

        GROUP BY l.member_id, m.household_id, h.number, m.name, m.id_number_masked, m.status, l.share_type_id,
            t.name, t.weight_ten_thousandths, t.sort_order
        HAVING SUM(l.delta) <> 0
        ORDER BY h.number, l.member_id, t.sort_order, l.share_type_id
        """;

    private const string AsOfSql = AsOfSelect + AsOfGrouping;

    // One household's part of the same register, for its certificate, rather than the whole register (200,000
    // holdings for a 100,000-member collective) to keep a few. Its members are named in an IN list so the engine
    // reads their lines off the lines' (collective, member) index; with "m.household_id = @householdId" SQLite's
    // plan scanned all of the collective's lines.
    private const string HouseholdAsOfSql =
        AsOfSelect
        + " AND l.member_id IN (SELECT id FROM collective_members WHERE household_id = @householdId)"
        + AsOfGrouping;

    // The same holdings as AsOfSql (same lines, same sum, same rule for a zero), without the names a plan does not
    // need: joining and sorting 200,000 holdings by household took seconds of a 100,000-member plan.
    private const string QuantitiesSql = """
        SELECT member_id, share_type_id, SUM(delta) AS quantity
        FROM collective_share_change_lines
        WHERE collective_id = @collectiveId AND effective_on <= @asOf
        GROUP BY member_id, share_type_id
        HAVING SUM(delta) <> 0
        """;

    /// <summary>Each member's quantity of each share type on the day, as <see cref="AsOfAsync"/> counts it, handed to
    /// <paramref name="read"/> (member, share type, quantity) in no particular order, for the plans' engine, which
    /// orders its recipients itself; streamed, as a 100,000-member plan reads 200,000 of them.</summary>
    public static Task QuantitiesAsOfAsync(
        DbSession db,
        Guid collectiveId,
        DateOnly asOf,
        Action<Guid, Guid, long> read,
        CancellationToken cancellationToken
    ) =>
        db.ReadAsync(
            QuantitiesSql,
            new { collectiveId, asOf },
            r => read(r.GetGuid(0), r.GetGuid(1), r.GetInt64(2)),
            cancellationToken
        );

    public static Task<IReadOnlyList<ShareHolding>> AsOfAsync(
        DbSession db,
        Guid collectiveId,
        DateOnly asOf,
        CancellationToken cancellationToken
    ) => db.QueryAsync<ShareHolding>(AsOfSql, new { collectiveId, asOf }, cancellationToken);

    /// <summary>The holdings of <see cref="AsOfAsync"/> whose member is in the household.</summary>
    public static Task<IReadOnlyList<ShareHolding>> HouseholdAsOfAsync(
        DbSession db,
        Guid collectiveId,
        Guid householdId,
        DateOnly asOf,
        CancellationToken cancellationToken
    ) =>
        db.QueryAsync<ShareHolding>(
            HouseholdAsOfSql,
            new
            {
                collectiveId,
                householdId,
                asOf,
            },
            cancellationToken
        );
}

internal enum ShareChangeKind
{
    [Label("初始配股", "Initial allotment")]
    Initial,

    [Label("继承", "Inheritance")]
    Inheritance,

    [Label("转让", "Transfer")]
    Transfer,

    [Label("分户", "Household split")]
    HouseholdSplit,

    [Label("新增配股", "Allotment")]
    Allotment,

    [Label("注销股份", "Cancellation")]
    Cancellation,
}

/// <summary>Which share changes a collective may record (pure rules, unit-tested).</summary>
internal static class ShareChangeRules
{
    /// <summary>Static management ("生不增、死不减") moves shares between members but never makes or cancels them.
    /// </summary>
    public static bool AllowedUnder(ShareManagement management, ShareChangeKind kind) =>
        kind switch
        {
            ShareChangeKind.Initial => false,
            ShareChangeKind.Allotment or ShareChangeKind.Cancellation => management == ShareManagement.Dynamic,
            _ => true,
        };

    /// <summary>Inheritance, transfer and a split only move shares: per type what leaves equals what arrives.</summary>
    public static bool MustBalance(ShareChangeKind kind) =>
        kind is ShareChangeKind.Inheritance or ShareChangeKind.Transfer or ShareChangeKind.HouseholdSplit;

    /// <summary>The first share type whose deltas do not sum to zero, if any.</summary>
    public static Guid? Unbalanced(IEnumerable<(Guid ShareTypeId, long Delta)> lines) =>
        lines
            .GroupBy(l => l.ShareTypeId)
            .Where(g => g.Sum(l => l.Delta) != 0)
            .Select(g => (Guid?)g.Key)
            .FirstOrDefault();
}
