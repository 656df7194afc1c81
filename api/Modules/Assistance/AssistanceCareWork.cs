using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Jiceng.Modules.Members.Contracts;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Assistance;

/// <summary>
/// The care work waiting in a subtree, for the home page: visits due in an open visiting period (overdue once the
/// holiday has passed, for a month after it), condolences to confirm, stale 1+N pairs and rechecks due.
/// </summary>
internal sealed class AssistanceCareWork(
    DbSession db,
    CallerAccessor callers,
    AssistanceRuleSets rules,
    IMemberHardshipHistory history,
    TimeProvider clock
) : IWorkQueueContributor
{
    private const int OverdueReminderDays = 30;

    private const string VisitsSql = """
        SELECT COUNT(*) AS count,
            COALESCE(SUM(CASE WHEN l.occasion_on < @today THEN 1 ELSE 0 END), 0) AS overdue
        FROM assistance_visits v JOIN assistance_visit_lists l ON l.id = v.list_id
        WHERE v.org_path >= @from AND v.org_path < @to AND v.status = 'Due' AND l.window_opens_on <= @today
          AND l.occasion_on >= @remindSince
        """;

    private const string CondolencesSql = """
        SELECT COUNT(*) FROM assistance_condolences
        WHERE org_path >= @from AND org_path < @to AND status = 'Proposed'
        """;

    private const string StaleSql = """
        SELECT COUNT(*) FROM assistance_pairings
        WHERE org_path >= @from AND org_path < @to AND ended_on IS NULL
          AND COALESCE(last_help_on, started_on) <= @cutoff
        """;

    private const string LastChecksSql = """
        SELECT member_id, MAX(checked_on) AS checked_on FROM assistance_rechecks
        WHERE org_path >= @from AND org_path < @to GROUP BY member_id
        """;

    public string Key => "assistanceCare";

    public async Task<IReadOnlyList<WorkItemCount>> CountAsync(
        OrganizationSubtree subtree,
        CancellationToken cancellationToken
    )
    {
        if (!callers.Current.Permissions.Contains(Permissions.FundsRead))
        {
            return [];
        }
        var today = clock.Today();
        var region = await rules.ForAsync(subtree.RootId, cancellationToken);
        var range = new
        {
            from = subtree.PathFrom,
            to = subtree.PathTo,
            today,
            remindSince = today.AddDays(-OverdueReminderDays),
            cutoff = CareRules.StaleCutoff(today, region.StalePairingMonths.Value),
        };
        var visits = (await db.QuerySingleOrDefaultAsync<DueAndOverdue>(VisitsSql, range, cancellationToken))!;
        var condolences = await db.ExecuteScalarAsync<long>(CondolencesSql, range, cancellationToken);
        var stale = await db.ExecuteScalarAsync<long>(StaleSql, range, cancellationToken);
        var checks = (await db.QueryAsync<LastCheck>(LastChecksSql, range, cancellationToken)).ToDictionary(
            c => c.MemberId,
            c => c.CheckedOn
        );
        var current = await history.OverlappingAsync(
            today,
            today,
            new DataScope(subtree.PathFrom, subtree.PathTo),
            cancellationToken
        );
        var rechecks = current.LongCount(p =>
            CareRules.RecheckDue(
                p.Since,
                checks.TryGetValue(p.MemberId, out var last) ? last : null,
                today,
                region.RecheckMonths.Value
            )
        );
        var items = new List<WorkItemCount>();
        if (visits.Count > 0)
        {
            items.Add(
                new(
                    "assistance.visitsDue",
                    Localized.Text("待走访慰问", "Visits due"),
                    visits.Count,
                    visits.Overdue,
                    "/assistance/visits"
                )
            );
        }
        if (condolences > 0)
        {
            items.Add(
                new(
                    "assistance.condolences",
                    Localized.Text("待确认抚恤慰问", "Condolences to confirm"),
                    condolences,
                    0,
                    "/assistance/condolences"
                )
            );
        }
        if (stale > 0)
        {
            items.Add(
                new(
                    "assistance.stalePairings",
                    Localized.Text("久未帮扶的结对", "Pairs without recent help"),
                    stale,
                    stale,
                    "/assistance/pairings?staleOnly=true"
                )
            );
        }
        if (rechecks > 0)
        {
            items.Add(
                new(
                    "assistance.rechecksDue",
                    Localized.Text("待年度复核的困难党员", "Yearly rechecks due"),
                    rechecks,
                    rechecks,
                    "/assistance/ledger?recheckDueOnly=true"
                )
            );
        }
        return items;
    }

    private sealed record DueAndOverdue
    {
        public long Count { get; init; }
        public long Overdue { get; init; }
    }

    private sealed record LastCheck
    {
        public Guid MemberId { get; init; }
        public DateOnly CheckedOn { get; init; }
    }
}
