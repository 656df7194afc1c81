using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Volunteering;

/// <summary>
/// What demands tell Organizations: their figures in the subtree statistics, their to-dos for the home page, and
/// the rewrite of their organization paths when a subtree moves (in the moving transaction).
/// </summary>
internal sealed class DemandOrganizationHooks(DbSession db, CallerAccessor callers, TimeProvider clock)
    : IOrganizationStatisticsContributor,
        IWorkQueueContributor,
        IOrganizationSubtreeMoveListener
{
    private const string CountsSql = """
        SELECT state, COUNT(*) AS count, SUM(CASE WHEN due_on < @today THEN 1 ELSE 0 END) AS overdue
        FROM volunteer_demands
        WHERE org_path >= @from AND org_path < @to
        GROUP BY state
        """;

    public IReadOnlyList<CopiedPath> CopiedPaths { get; } = [new("volunteer_demands")];

    public string Key => "volunteeringDemands";

    /// <summary>Demands placed, in hand, done (completed, rated or closed), and late at their step.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountAsync(
        OrganizationSubtree subtree,
        CancellationToken cancellationToken
    )
    {
        var rows = await CountByStateAsync(subtree, cancellationToken);
        long Of(params string[] states) => rows.Where(r => states.Contains(r.State)).Sum(r => r.Count);
        return new Dictionary<string, long>
        {
            ["total"] = rows.Sum(r => r.Count),
            ["waiting"] = Of("Submitted", "Accepted", "Open"),
            ["inHand"] = Of("Assigned", "InService"),
            ["done"] = Of("Completed", "Rated", "Closed"),
            ["overdue"] = rows.Sum(r => r.Overdue ?? 0),
        };
    }

    async Task<IReadOnlyList<WorkItemCount>> IWorkQueueContributor.CountAsync(
        OrganizationSubtree subtree,
        CancellationToken cancellationToken
    )
    {
        if (!callers.Current.Has(Permissions.VolunteeringRead))
        {
            return [];
        }
        var rows = await CountByStateAsync(subtree, cancellationToken);
        (long Count, long Overdue) Of(params string[] states) =>
            (
                rows.Where(r => states.Contains(r.State)).Sum(r => r.Count),
                rows.Where(r => states.Contains(r.State)).Sum(r => r.Overdue ?? 0)
            );
        var items = new List<WorkItemCount>();
        void Add(string key, string chinese, string english, string path, params string[] states)
        {
            var (count, overdue) = Of(states);
            if (count > 0)
            {
                items.Add(new WorkItemCount(key, Localized.Text(chinese, english), count, overdue, path));
            }
        }
        Add(
            "demandsToAccept",
            "待受理的群众点单",
            "Demands to accept",
            "/volunteering/demands?state=Submitted",
            "Submitted"
        );
        Add(
            "demandsToAssign",
            "待派单或接单的群众点单",
            "Demands to dispatch or claim",
            "/volunteering/demands?state=Accepted",
            "Accepted",
            "Open"
        );
        Add(
            "demandsInService",
            "服务中的群众点单",
            "Demands being served",
            "/volunteering/demands?state=InService",
            "Assigned",
            "InService"
        );
        Add(
            "demandsToRate",
            "待评价的群众点单",
            "Demands to rate",
            "/volunteering/demands?state=Completed",
            "Completed"
        );
        return items;
    }

    public Task OnSubtreeMovedAsync(SubtreeMove move, CancellationToken cancellationToken) =>
        move.RewriteAsync(db, CopiedPaths, cancellationToken);

    private Task<IReadOnlyList<StateCount>> CountByStateAsync(
        OrganizationSubtree subtree,
        CancellationToken cancellationToken
    ) =>
        db.QueryAsync<StateCount>(
            CountsSql,
            new
            {
                from = subtree.PathFrom,
                to = subtree.PathTo,
                today = clock.Today(),
            },
            cancellationToken
        );

    private sealed record StateCount
    {
        public string State { get; init; } = "";
        public long Count { get; init; }
        public long? Overdue { get; init; }
    }
}
