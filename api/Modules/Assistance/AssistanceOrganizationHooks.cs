using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Assistance.Domain;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Assistance;

/// <summary>
/// What Assistance tells Organizations through its Contracts hooks: the care fund's figures for a subtree's
/// statistics, its to-dos for the home page (applications waiting per tier, payments not yet confirmed, drawn
/// receipt checks not yet visited), and the path rewrite of every row that keeps a path (funds, applications and
/// the care area's) when a subtree moves.
/// </summary>
internal sealed class AssistanceOrganizationHooks(DbSession db, TimeProvider clock)
    : IOrganizationStatisticsContributor,
        IWorkQueueContributor,
        IOrganizationSubtreeMoveListener
{
    private const string FiguresSql = """
        SELECT COUNT(*) AS applications,
            COALESCE(SUM(CASE WHEN status IN ('Paid', 'Confirmed') THEN 1 ELSE 0 END), 0) AS paid,
            COALESCE(SUM(CASE WHEN status IN ('Paid', 'Confirmed') THEN amount ELSE 0 END), 0) AS paid_fen,
            COUNT(DISTINCT CASE WHEN status IN ('Paid', 'Confirmed') THEN member_id END) AS people
        FROM assistance_applications
        WHERE org_path >= @from AND org_path < @to AND year = @year
        """;

    private const string BalanceSql = """
        SELECT COALESCE(SUM(balance), 0) FROM assistance_funds WHERE org_path >= @from AND org_path < @to
        """;

    // A reviewed application waits for the street only once its in-party notice is over (the approval refuses
    // before), so one still on notice is counted apart and is nobody's to-do yet. Drawn receipt checks wait for
    // their follow-up visit.
    private const string WaitingSql = """
        SELECT CASE WHEN status = 'Reviewed' AND notice_to >= @today THEN 'OnNotice' ELSE status END AS status,
            COUNT(*) AS count,
            COALESCE(SUM(CASE WHEN updated_at < @overdueBefore THEN 1 ELSE 0 END), 0) AS overdue
        FROM assistance_applications
        WHERE org_path >= @from AND org_path < @to AND status IN ('Submitted', 'Reviewed', 'StreetApproved',
            'Approved', 'Paid')
        GROUP BY CASE WHEN status = 'Reviewed' AND notice_to >= @today THEN 'OnNotice' ELSE status END
        UNION ALL
        SELECT 'FollowUp', COUNT(*), COALESCE(SUM(CASE WHEN updated_at < @overdueBefore THEN 1 ELSE 0 END), 0)
        FROM assistance_applications
        WHERE org_path >= @from AND org_path < @to AND sampled = @yes AND follow_up IS NULL
        """;

    // Every table of the module that keeps an organization path (the ledger, holds and steps keep none); all but
    // the applications keep the region too, for its rules.
    public IReadOnlyList<CopiedPath> CopiedPaths { get; } =
    [
        new("assistance_funds", KeepsRegion: true),
        new("assistance_applications"),
        .. AssistanceCare.Tables.Select(table => new CopiedPath(table, KeepsRegion: true)),
    ];

    // The moved subtree's funds whose parent fund is not in the subtree.
    private const string CutOffFundsSql = """
        SELECT f.id, f.org_path, f.parent_fund_id FROM assistance_funds f
        WHERE f.org_path >= @from AND f.org_path < @to
          AND (f.parent_fund_id IS NULL OR f.parent_fund_id NOT IN (
              SELECT p.id FROM assistance_funds p WHERE p.org_path >= @from AND p.org_path < @to))
        """;

    private const string RelinkFundSql = """
        UPDATE assistance_funds SET parent_fund_id = @parentFundId, updated_at = @now, version = version + 1
        WHERE id = @id
        """;

    public string Key => "assistance";

    public async Task<IReadOnlyDictionary<string, long>> CountAsync(
        OrganizationSubtree subtree,
        CancellationToken cancellationToken
    )
    {
        var range = new
        {
            from = subtree.PathFrom,
            to = subtree.PathTo,
            year = clock.Today().Year,
        };
        var figures = await db.QuerySingleOrDefaultAsync<Figures>(FiguresSql, range, cancellationToken);
        var balance = await db.ExecuteScalarAsync<long>(BalanceSql, range, cancellationToken);
        return new Dictionary<string, long>
        {
            ["applicationsThisYear"] = figures?.Applications ?? 0,
            ["paidThisYear"] = figures?.Paid ?? 0,
            ["paidFenThisYear"] = figures?.PaidFen ?? 0,
            ["peopleHelpedThisYear"] = figures?.People ?? 0,
            ["fundBalanceFen"] = balance,
        };
    }

    // A step waiting more than two weeks is overdue (a notice runs about a week; approval and payment follow).
    async Task<IReadOnlyList<WorkItemCount>> IWorkQueueContributor.CountAsync(
        OrganizationSubtree subtree,
        CancellationToken cancellationToken
    )
    {
        var now = clock.GetUtcNow();
        var rows = await db.QueryAsync<Waiting>(
            WaitingSql,
            new
            {
                from = subtree.PathFrom,
                to = subtree.PathTo,
                today = clock.Today(),
                overdueBefore = now.AddDays(-14),
                yes = true,
            },
            cancellationToken
        );
        var items = new List<WorkItemCount>();
        foreach (var row in rows.Where(r => r.Count > 0))
        {
            // Each path opens the applications screen on the tab that lists them.
            (string Key, string Zh, string En, string Inbox)? item = row.Status switch
            {
                "Submitted" => ("applicationsToReview", "待支部评议的帮扶申请", "Applications to review", "review"),
                "Reviewed" => (
                    "applicationsForStreet",
                    "公示期满待街道审批的帮扶申请",
                    "Notice over, waiting for the street",
                    "street"
                ),
                "StreetApproved" => (
                    "applicationsForDistrict",
                    "待区级审批的帮扶申请",
                    "Applications for the district",
                    "district"
                ),
                "Approved" => ("applicationsToPay", "已批准待支付的帮扶", "Approved, to pay", "payment"),
                "Paid" => ("paymentsUnconfirmed", "已支付待确认收到", "Paid, receipt not confirmed", "confirmation"),
                "FollowUp" => ("receiptChecksToVisit", "已抽取待回访核实", "Drawn for a follow-up visit", "followUp"),
                _ => null,
            };
            if (item is { } i)
            {
                items.Add(
                    new WorkItemCount(
                        i.Key,
                        Infrastructure.Localized.Text(i.Zh, i.En),
                        row.Count,
                        row.Overdue,
                        "/assistance/applications?inbox=" + i.Inbox
                    )
                );
            }
        }
        return items;
    }

    /// <summary>
    /// The copies follow the subtree; then a fund of the subtree whose parent fund was above it (or that had none)
    /// hangs under its nearest ancestor's fund at the new place, as creating it there would have linked it:
    /// allocations come down from that fund, no longer from the old place's.
    /// </summary>
    public async Task OnSubtreeMovedAsync(SubtreeMove move, CancellationToken cancellationToken)
    {
        await move.RewriteAsync(db, CopiedPaths, cancellationToken);
        var cutOff = await db.QueryAsync<CutOffFund>(
            CutOffFundsSql,
            new { from = move.NewFrom, to = move.NewTo },
            cancellationToken
        );
        foreach (var fund in cutOff)
        {
            var parent = await Funds.NearestAsync(db, fund.OrgPath, includeSelf: false, cancellationToken);
            if (parent?.Id != fund.ParentFundId)
            {
                await db.ExecuteAsync(
                    RelinkFundSql,
                    new
                    {
                        id = fund.Id,
                        parentFundId = parent?.Id,
                        now = clock.GetUtcNow(),
                    },
                    cancellationToken
                );
            }
        }
    }

    private sealed record CutOffFund
    {
        public Guid Id { get; init; }
        public string OrgPath { get; init; } = "";
        public Guid? ParentFundId { get; init; }
    }

    private sealed record Figures
    {
        public long Applications { get; init; }
        public long Paid { get; init; }
        public long PaidFen { get; init; }
        public long People { get; init; }
    }

    private sealed record Waiting
    {
        public string Status { get; init; } = "";
        public long Count { get; init; }
        public long Overdue { get; init; }
    }
}
