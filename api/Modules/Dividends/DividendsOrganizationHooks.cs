using Jiceng.Infrastructure.Database;
using Jiceng.Modules.Dividends.Domain;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Dividends;

/// <summary>
/// What Dividends tells Organizations through its Contracts hooks: the subtree's collectives, members, households
/// and income bands for statistics, and the path rewrite when a subtree moves (every Dividends row keeps a copy of
/// its organization's path). Runs on the request's session, inside the caller's transaction.
/// </summary>
internal sealed class DividendsOrganizationHooks(DbSession db, DividendRuleSets ruleSets)
    : IOrganizationStatisticsContributor,
        IOrganizationSubtreeMoveListener
{
    private const string CountsSql = """
        SELECT
            (SELECT COUNT(*) FROM collectives WHERE org_path >= @from AND org_path < @to) AS collectives,
            (SELECT COUNT(*) FROM collectives WHERE org_path >= @from AND org_path < @to
                AND kind = 'BranchLedCooperative') AS cooperatives,
            (SELECT COUNT(*) FROM collective_households WHERE org_path >= @from AND org_path < @to) AS households,
            (SELECT COUNT(*) FROM collective_members WHERE org_path >= @from AND org_path < @to
                AND status = 'Active') AS members,
            (SELECT COALESCE(SUM(land_transferred_centimu), 0) FROM collectives
                WHERE org_path >= @from AND org_path < @to) AS land_centimu
        """;

    // Each collective's latest statement: the income bands are about the most recent year entered.
    private const string LatestIncomeSql = """
        SELECT i.operating_income FROM collective_incomes i
        WHERE i.org_path >= @from AND i.org_path < @to
          AND i.year = (SELECT MAX(o.year) FROM collective_incomes o WHERE o.collective_id = i.collective_id)
        """;

    // Approved current versions (a superseded one never counts) and what their payouts paid.
    private const string DistributionsSql = """
        SELECT
            (SELECT COUNT(*) FROM dividend_plans WHERE org_path >= @from AND org_path < @to AND stage = 'Approved')
                AS plans,
            (SELECT COALESCE(SUM(total_fen), 0) FROM dividend_plans
                WHERE org_path >= @from AND org_path < @to AND stage = 'Approved') AS distributed_fen,
            (SELECT COALESCE(SUM(amount_fen), 0) FROM dividend_payouts
                WHERE org_path >= @from AND org_path < @to AND status = 'Paid') AS paid_fen
        """;

    // The register's rows and the plans, their objections and payouts keep a copy of the path; all but the
    // objections keep the region too (for its rules).
    public IReadOnlyList<CopiedPath> CopiedPaths { get; } =
    [
        new("collectives", KeepsRegion: true),
        new("collective_households", KeepsRegion: true),
        new("collective_members", KeepsRegion: true),
        new("collective_share_changes", KeepsRegion: true),
        new("collective_incomes", KeepsRegion: true),
        new("dividend_plans", KeepsRegion: true),
        new("dividend_plan_objections"),
        new("dividend_payouts", KeepsRegion: true),
    ];

    public string Key => "dividends";

    /// <summary>
    /// Collectives (and of them branch-led cooperatives), households, active members, land transferred (mu), and the
    /// latest year's operating income bands: at or above the reported threshold, and weak (below the region's line).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> CountAsync(
        OrganizationSubtree subtree,
        CancellationToken cancellationToken
    )
    {
        var range = new { from = subtree.PathFrom, to = subtree.PathTo };
        var counts = await db.QuerySingleOrDefaultAsync<Counts>(CountsSql, range, cancellationToken) ?? new Counts();
        var incomes = await db.QueryAsync<long>(LatestIncomeSql, range, cancellationToken);
        var distributions =
            await db.QuerySingleOrDefaultAsync<Distributions>(DistributionsSql, range, cancellationToken)
            ?? new Distributions();
        var rules = await ruleSets.RulesAsync(subtree.RootId, cancellationToken);
        var reported = rules.ReportedOperatingIncomeYuan.Value * 100L;
        var weak = rules.WeakCollectiveBelowYuan.Value * 100L;
        return new Dictionary<string, long>
        {
            ["collectives"] = counts.Collectives,
            ["cooperatives"] = counts.Cooperatives,
            ["households"] = counts.Households,
            ["members"] = counts.Members,
            ["landTransferredMu"] = counts.LandCentimu / 100,
            ["operatingIncomeReported"] = incomes.Count(i => i >= reported),
            ["weakCollectives"] = incomes.Count(i => i < weak),
            ["distributionPlans"] = distributions.Plans,
            ["distributedFen"] = distributions.DistributedFen,
            ["paidOutFen"] = distributions.PaidFen,
        };
    }

    public Task OnSubtreeMovedAsync(SubtreeMove move, CancellationToken cancellationToken) =>
        move.RewriteAsync(db, CopiedPaths, cancellationToken);

    private sealed record Distributions
    {
        public long Plans { get; init; }
        public long DistributedFen { get; init; }
        public long PaidFen { get; init; }
    }

    private sealed record Counts
    {
        public long Collectives { get; init; }
        public long Cooperatives { get; init; }
        public long Households { get; init; }
        public long Members { get; init; }
        public long LandCentimu { get; init; }
    }
}
