using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Volunteering.Domain;

/// <summary>
/// Micro-wishes' answers to Organizations' hooks: their copy of the community's path follows a move, and the wishes
/// waiting for someone (a claimant, a delivery, the resident's confirmation) are to-dos for the home page.
/// </summary>
internal sealed class MicroWishHooks(DbSession db, CallerAccessor callers)
    : IOrganizationSubtreeMoveListener,
        IWorkQueueContributor
{
    public IReadOnlyList<CopiedPath> CopiedPaths { get; } = [new("micro_wishes")];

    private const string WaitingSql = """
        SELECT state, COUNT(*) AS waiting
        FROM micro_wishes
        WHERE org_path >= @from AND org_path < @to AND state IN ('Open', 'Claimed', 'Delivered')
        GROUP BY state
        """;

    public string Key => "volunteering.wishes";

    public Task OnSubtreeMovedAsync(SubtreeMove move, CancellationToken cancellationToken) =>
        move.RewriteAsync(db, CopiedPaths, cancellationToken);

    /// <summary>Open wishes wait for a claimant, claimed ones for their delivery, delivered ones for the resident's
    /// confirmation; none has a deadline, so none is counted overdue.</summary>
    public async Task<IReadOnlyList<WorkItemCount>> CountAsync(
        OrganizationSubtree subtree,
        CancellationToken cancellationToken
    )
    {
        if (!callers.Current.Has(Permissions.VolunteeringRead))
        {
            return [];
        }
        var rows = await db.QueryAsync<StateCount>(
            WaitingSql,
            new { from = subtree.PathFrom, to = subtree.PathTo },
            cancellationToken
        );
        var byState = rows.ToDictionary(r => r.State, r => r.Waiting, StringComparer.Ordinal);
        return
        [
            .. Waiting
                .Select(w => new WorkItemCount(
                    w.Key,
                    Localized.Text(w.Chinese, w.English),
                    byState.GetValueOrDefault(w.State),
                    0,
                    "/volunteering/wishes?state=" + w.State
                ))
                .Where(w => w.Count > 0),
        ];
    }

    private static readonly (string Key, string State, string Chinese, string English)[] Waiting =
    [
        ("wishes-to-claim", nameof(WishState.Open), "待认领的微心愿", "Micro-wishes waiting for a claimant"),
        ("wishes-to-deliver", nameof(WishState.Claimed), "待送达的微心愿", "Micro-wishes waiting for delivery"),
        ("wishes-to-confirm", nameof(WishState.Delivered), "待确认收到的微心愿", "Micro-wishes waiting for receipt"),
    ];

    private sealed record StateCount
    {
        public string State { get; init; } = "";
        public long Waiting { get; init; }
    }
}
