using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Dividends;

/// <summary>
/// Dividends' to-dos for the home page, by what the caller may do: plans waiting for the station's review or for
/// approval (dividends.approve); plans waiting for their next step, notices ending in the next three days, open
/// objections, approved plans without payouts, unpaid payouts (overdue after 30 days) and failed transfers not yet
/// re-issued (dividends.write). Superseded versions never count.
/// </summary>
internal sealed class DividendsWorkQueue(DbSession db, CallerAccessor callers, TimeProvider clock)
    : IWorkQueueContributor
{
    private const string CountsSql = """
        SELECT
            (SELECT COUNT(*) FROM dividend_plans p WHERE p.org_path >= @from AND p.org_path < @to
                AND p.stage = 'Review') AS to_review,
            (SELECT COUNT(*) FROM dividend_plans p WHERE p.org_path >= @from AND p.org_path < @to
                AND p.stage = 'Notice' AND p.notice_ends_on < @today
                AND NOT EXISTS (SELECT 1 FROM dividend_plan_objections o WHERE o.plan_id = p.id
                    AND o.status <> 'Closed')) AS to_approve,
            (SELECT COUNT(*) FROM dividend_plans p WHERE p.org_path >= @from AND p.org_path < @to
                AND (p.stage IN ('Draft', 'Deliberation') OR (p.stage = 'Notice' AND p.notice_starts_on IS NULL)))
                AS in_preparation,
            (SELECT COUNT(*) FROM dividend_plans p WHERE p.org_path >= @from AND p.org_path < @to
                AND p.stage = 'Notice' AND p.notice_ends_on >= @today AND p.notice_ends_on <= @soon)
                AS notices_ending,
            (SELECT COUNT(*) FROM dividend_plan_objections o JOIN dividend_plans p ON p.id = o.plan_id
                WHERE o.org_path >= @from AND o.org_path < @to AND o.status <> 'Closed'
                AND p.stage <> 'Superseded') AS open_objections,
            (SELECT COUNT(*) FROM dividend_plan_objections o JOIN dividend_plans p ON p.id = o.plan_id
                WHERE o.org_path >= @from AND o.org_path < @to AND o.status <> 'Closed'
                AND p.stage <> 'Superseded' AND p.notice_ends_on < @today) AS overdue_objections,
            (SELECT COUNT(*) FROM dividend_plans p WHERE p.org_path >= @from AND p.org_path < @to
                AND p.stage = 'Approved' AND p.payouts_created_at IS NULL) AS payouts_to_create,
            (SELECT COUNT(*) FROM dividend_payouts d WHERE d.org_path >= @from AND d.org_path < @to
                AND d.status = 'Unpaid') AS unpaid,
            (SELECT COUNT(*) FROM dividend_payouts d WHERE d.org_path >= @from AND d.org_path < @to
                AND d.status = 'Unpaid' AND d.created_at < @monthAgo) AS overdue_unpaid,
            (SELECT COUNT(*) FROM dividend_payouts d WHERE d.org_path >= @from AND d.org_path < @to
                AND d.status = 'Failed'
                AND NOT EXISTS (SELECT 1 FROM dividend_payouts r WHERE r.related_id = d.id AND r.kind = 'Reissue'))
                AS failed
        """;

    public string Key => "dividends";

    public async Task<IReadOnlyList<WorkItemCount>> CountAsync(
        OrganizationSubtree subtree,
        CancellationToken cancellationToken
    )
    {
        var caller = callers.Current;
        var approves = caller.Has(Permissions.DividendsApprove);
        var writes = caller.Has(Permissions.DividendsWrite);
        if (!approves && !writes)
        {
            return [];
        }
        var today = clock.Today();
        var c =
            await db.QuerySingleOrDefaultAsync<Counts>(
                CountsSql,
                new
                {
                    from = subtree.PathFrom,
                    to = subtree.PathTo,
                    today,
                    soon = today.AddDays(3),
                    monthAgo = clock.GetUtcNow().AddDays(-30),
                },
                cancellationToken
            ) ?? new Counts();
        var items = new List<WorkItemCount>();
        void Add(bool allowed, string key, string chinese, string english, long count, long overdue, string path)
        {
            if (allowed && count > 0)
            {
                items.Add(
                    new WorkItemCount("dividends." + key, Localized.Text(chinese, english), count, overdue, path)
                );
            }
        }
        Add(
            approves,
            "plansToReview",
            "待农经站审核的分配方案",
            "Plans awaiting the station's review",
            c.ToReview,
            0,
            "/dividends/plans?stage=Review"
        );
        Add(
            approves,
            "plansToApprove",
            "公示期满待批准的分配方案",
            "Plans whose notice has run, awaiting approval",
            c.ToApprove,
            0,
            "/dividends/plans?stage=Notice"
        );
        Add(
            writes,
            "plansInPreparation",
            "待推进下一步的分配方案",
            "Plans waiting for their next step",
            c.InPreparation,
            0,
            "/dividends/plans"
        );
        Add(
            writes,
            "noticesEnding",
            "三日内公示期满的方案",
            "Notices ending within three days",
            c.NoticesEnding,
            0,
            "/dividends/plans?stage=Notice"
        );
        Add(
            writes,
            "openObjections",
            "未办结的异议",
            "Objections not yet closed",
            c.OpenObjections,
            c.OverdueObjections,
            "/dividends/plans?stage=Notice"
        );
        Add(
            writes,
            "payoutsToCreate",
            "已批准待生成兑现清单的方案",
            "Approved plans without their payout list",
            c.PayoutsToCreate,
            0,
            "/dividends/plans?stage=Approved"
        );
        Add(
            writes,
            "unpaidPayouts",
            "未领取的分红款",
            "Payouts not yet collected",
            c.Unpaid,
            c.OverdueUnpaid,
            "/dividends/plans?stage=Approved"
        );
        Add(
            writes,
            "failedPayouts",
            "转账失败待重新发放的款项",
            "Failed transfers awaiting a re-issue",
            c.Failed,
            c.Failed,
            "/dividends/plans?stage=Approved"
        );
        return items;
    }

    private sealed record Counts
    {
        public long ToReview { get; init; }
        public long ToApprove { get; init; }
        public long InPreparation { get; init; }
        public long NoticesEnding { get; init; }
        public long OpenObjections { get; init; }
        public long OverdueObjections { get; init; }
        public long PayoutsToCreate { get; init; }
        public long Unpaid { get; init; }
        public long OverdueUnpaid { get; init; }
        public long Failed { get; init; }
    }
}
