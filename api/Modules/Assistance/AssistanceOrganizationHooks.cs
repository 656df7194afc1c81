using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Assistance;

/// <summary>
/// What Assistance tells Organizations through its Contracts hooks: the care fund's figures for a subtree's
/// statistics, its to-dos for the home page (applications waiting per tier, payments not yet confirmed), and the
/// path rewrite of every row that keeps a path (funds, applications and the care area's) when a subtree moves.
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

    private const string WaitingSql = """
        SELECT status, COUNT(*) AS count,
            COALESCE(SUM(CASE WHEN updated_at < @overdueBefore THEN 1 ELSE 0 END), 0) AS overdue
        FROM assistance_applications
        WHERE org_path >= @from AND org_path < @to AND status IN ('Submitted', 'Reviewed', 'StreetApproved',
            'Approved', 'Paid')
        GROUP BY status
        """;

    // Every table of the module that keeps an organization path (the ledger, holds and steps keep none).
    private static readonly string[] TablesWithPaths =
    [
        "assistance_funds",
        "assistance_applications",
        .. AssistanceCare.Tables,
    ];

    // A method, not a constant: the table name is one of the fixed names above, never input.
    private static string RewritePathsSql(string table) =>
        $$"""
            UPDATE {{table}} SET org_path = @newFrom {cat} {substr}(org_path, @cut, 200)
            WHERE org_path >= @oldFrom AND org_path < @oldTo
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
        var rows = await db.QueryAsync<Waiting>(
            WaitingSql,
            new
            {
                from = subtree.PathFrom,
                to = subtree.PathTo,
                overdueBefore = clock.GetUtcNow().AddDays(-14),
            },
            cancellationToken
        );
        var items = new List<WorkItemCount>();
        foreach (var row in rows)
        {
            var (key, zh, en, awaiting) = row.Status switch
            {
                "Submitted" => (
                    "applicationsToReview",
                    "待支部评议的帮扶申请",
                    "Applications to review",
                    "status=Submitted"
                ),
                "Reviewed" => (
                    "applicationsForStreet",
                    "待街道审批的帮扶申请",
                    "Applications for the street",
                    "awaiting=Street"
                ),
                "StreetApproved" => (
                    "applicationsForDistrict",
                    "待区级审批的帮扶申请",
                    "Applications for the district",
                    "awaiting=District"
                ),
                "Approved" => ("applicationsToPay", "已批准待支付的帮扶", "Approved, to pay", "status=Approved"),
                _ => ("paymentsUnconfirmed", "已支付待确认收到", "Paid, receipt not confirmed", "status=Paid"),
            };
            items.Add(
                new WorkItemCount(
                    key,
                    Infrastructure.Localized.Text(zh, en),
                    row.Count,
                    row.Overdue,
                    "/assistance/applications?" + awaiting
                )
            );
        }
        return items;
    }

    public async Task OnSubtreeMovedAsync(
        string oldFrom,
        string oldTo,
        string newFrom,
        CancellationToken cancellationToken
    )
    {
        var moved = new
        {
            newFrom,
            cut = oldFrom.Length + 1,
            oldFrom,
            oldTo,
        };
        foreach (var table in TablesWithPaths)
        {
            await db.ExecuteAsync(RewritePathsSql(table), moved, cancellationToken);
        }
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
