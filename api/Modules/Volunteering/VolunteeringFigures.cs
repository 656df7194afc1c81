using Jiceng.Infrastructure.Database;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Volunteering;

/// <summary>
/// The module's figures as the source articles count them, in a subtree's statistics (GET
/// /api/v1/organizations/{id}/stats, <c>contributed.volunteering</c>): 鸡西's "组建党员志愿服务队277支，认领服务需求1685个，
/// 为困难党员办实事、解难题4691件(次)" are <c>teams</c>, <c>demandsClaimed</c> (demands a member, team or unit claimed
/// from the pool, counted once however often released and claimed again) and <c>doneForMembersInHardship</c>
/// (demands done — completed, rated or closed — for a member in hardship); 敦化's "完成群众微心愿7934个" is
/// <c>wishesDone</c> (delivered, whether or not the resident's receipt is recorded yet).
/// </summary>
internal sealed class VolunteeringFigures(DbSession db) : IOrganizationStatisticsContributor
{
    private const string FiguresSql = """
        SELECT
          (SELECT COUNT(*) FROM volunteer_teams WHERE org_path >= @from AND org_path < @to) AS teams,
          (SELECT COUNT(*) FROM volunteers WHERE org_path >= @from AND org_path < @to) AS volunteers,
          (SELECT COUNT(*) FROM volunteer_demands d
           WHERE d.org_path >= @from AND d.org_path < @to
             AND EXISTS (SELECT 1 FROM volunteer_demand_steps s WHERE s.demand_id = d.id AND s.step = 'Claim'))
            AS demands_claimed,
          (SELECT COUNT(*) FROM volunteer_demands
           WHERE org_path >= @from AND org_path < @to AND beneficiary_member_id IS NOT NULL
             AND state IN ('Completed', 'Rated', 'Closed')) AS done_for_members_in_hardship,
          (SELECT COUNT(*) FROM micro_wishes WHERE org_path >= @from AND org_path < @to) AS wishes_placed,
          (SELECT COUNT(*) FROM micro_wishes
           WHERE org_path >= @from AND org_path < @to AND state IN ('Claimed', 'Delivered', 'Received'))
            AS wishes_claimed,
          (SELECT COUNT(*) FROM micro_wishes
           WHERE org_path >= @from AND org_path < @to AND state IN ('Delivered', 'Received')) AS wishes_done,
          (SELECT COALESCE(SUM(credited_half_hours), 0) FROM volunteer_sessions
           WHERE org_path >= @from AND org_path < @to) AS credited_half_hours
        """;

    public string Key => "volunteering";

    public async Task<IReadOnlyDictionary<string, long>> CountAsync(
        OrganizationSubtree subtree,
        CancellationToken cancellationToken
    )
    {
        var row =
            await db.QuerySingleOrDefaultAsync<Row>(
                FiguresSql,
                new { from = subtree.PathFrom, to = subtree.PathTo },
                cancellationToken
            ) ?? new Row();
        return new Dictionary<string, long>
        {
            ["teams"] = row.Teams,
            ["volunteers"] = row.Volunteers,
            ["demandsClaimed"] = row.DemandsClaimed,
            ["doneForMembersInHardship"] = row.DoneForMembersInHardship,
            ["wishesPlaced"] = row.WishesPlaced,
            ["wishesClaimed"] = row.WishesClaimed,
            ["wishesDone"] = row.WishesDone,
            // Whole hours, rounded down: the statistics are counts; the hours screen shows the half hours.
            ["hoursCredited"] = row.CreditedHalfHours / 2,
        };
    }

    private sealed record Row
    {
        public long Teams { get; init; }
        public long Volunteers { get; init; }
        public long DemandsClaimed { get; init; }
        public long DoneForMembersInHardship { get; init; }
        public long WishesPlaced { get; init; }
        public long WishesClaimed { get; init; }
        public long WishesDone { get; init; }
        public long CreditedHalfHours { get; init; }
    }
}
