using Jiceng.Infrastructure.Database;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Members;

/// <summary>
/// What Members tells Organizations through its Contracts hooks: counts for statistics and rule warnings,
/// a refusal to dissolve an organization that still has members, and the path rewrite when a subtree moves.
/// All run on the request's one database session, inside the caller's transaction.
/// </summary>
internal sealed class MemberOrganizationHooks(DbSession db)
    : IOrganizationMemberCounts,
        IOrganizationStatisticsContributor,
        IOrganizationDissolutionGuard,
        IOrganizationSubtreeMoveListener
{
    private const string MembersSql = """
        SELECT org_id, stage, COUNT(*) AS count FROM members
        WHERE org_path >= @from AND org_path < @to AND stage IN ('Full', 'Probationary') AND status = 'Active'
        GROUP BY org_id, stage
        """;

    private const string SubtreeCountsSql = """
        SELECT stage AS "key", COUNT(*) AS count FROM members
        WHERE org_path >= @from AND org_path < @to AND status = 'Active'
        GROUP BY stage
        """;

    private const string ActiveMembersSql = "SELECT COUNT(*) FROM members WHERE org_id = @orgId AND status = 'Active'";

    private const string PendingInboundTransfersSql =
        "SELECT COUNT(*) FROM member_transfers WHERE to_org_id = @orgId AND status = 'Pending'";

    // Members keep their organization's path; transfers both ends' (for the outbox and inbox scopes); community
    // reports the community's.
    public IReadOnlyList<CopiedPath> CopiedPaths { get; } =
    [
        new("members"),
        new("member_transfers", "from_org_path"),
        new("member_transfers", "to_org_path"),
        new("member_community_reports", "community_org_path"),
    ];

    public string Key => "members";

    public async Task<IReadOnlyDictionary<Guid, OrganizationMemberCount>> CountMembersAsync(
        string pathFrom,
        string pathTo,
        CancellationToken cancellationToken
    )
    {
        var rows = await db.QueryAsync<OrgStageCount>(
            MembersSql,
            new { from = pathFrom, to = pathTo },
            cancellationToken
        );
        return rows.GroupBy(r => r.OrgId)
            .ToDictionary(
                g => g.Key,
                g => new OrganizationMemberCount(
                    (int)g.Where(r => r.Stage == nameof(MemberStage.Full)).Sum(r => r.Count),
                    (int)g.Where(r => r.Stage == nameof(MemberStage.Probationary)).Sum(r => r.Count)
                )
            );
    }

    /// <summary>Members (预备 and 正式) and people in the pipeline before that, over the subtree.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountAsync(
        OrganizationSubtree subtree,
        CancellationToken cancellationToken
    )
    {
        var byStage = (
            await db.QueryAsync<StageCount>(
                SubtreeCountsSql,
                new { from = subtree.PathFrom, to = subtree.PathTo },
                cancellationToken
            )
        ).ToDictionary(r => r.Key, r => r.Count);
        long Of(MemberStage stage) => byStage.GetValueOrDefault(stage.ToString());
        return new Dictionary<string, long>
        {
            ["total"] = Of(MemberStage.Full) + Of(MemberStage.Probationary),
            ["full"] = Of(MemberStage.Full),
            ["probationary"] = Of(MemberStage.Probationary),
            ["pipeline"] = Of(MemberStage.Applicant) + Of(MemberStage.Activist) + Of(MemberStage.Candidate),
        };
    }

    public async Task EnsureCanDissolveAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        var count = await db.ExecuteScalarAsync<long>(
            ActiveMembersSql,
            new { orgId = organizationId },
            cancellationToken
        );
        if (count > 0)
        {
            throw MemberErrors.OrganizationHasMembers(count);
        }
        // A letter on its way in would otherwise be received into an organization that no longer exists.
        var inbound = await db.ExecuteScalarAsync<long>(
            PendingInboundTransfersSql,
            new { orgId = organizationId },
            cancellationToken
        );
        if (inbound > 0)
        {
            throw MemberErrors.OrganizationHasPendingTransfers(inbound);
        }
    }

    public Task OnSubtreeMovedAsync(SubtreeMove move, CancellationToken cancellationToken) =>
        move.RewriteAsync(db, CopiedPaths, cancellationToken);

    private sealed record OrgStageCount
    {
        public Guid OrgId { get; init; }
        public string Stage { get; init; } = "";
        public long Count { get; init; }
    }

    private sealed record StageCount
    {
        public string Key { get; init; } = "";
        public long Count { get; init; }
    }
}
