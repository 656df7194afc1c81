using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.ReleaseStaleClaims;

internal sealed record ReleasedClaims(int Released, IReadOnlyList<Guid> DemandIds);

/// <summary>
/// 接单超时退回: every claim in the caller's subtree left unstarted for its region's days goes back to the pool, each
/// recorded on the demand's timeline (who ran it, when, after how many days).
/// </summary>
internal sealed record ReleaseStaleClaimsCommand : ICommand<ReleasedClaims>;

internal sealed class ReleaseStaleClaimsHandler(
    DbSession db,
    CurrentScope currentScope,
    DemandTransitions transitions,
    VolunteeringRuleSets ruleSets,
    TimeProvider clock
) : ICommandHandler<ReleaseStaleClaimsCommand, ReleasedClaims>
{
    // Claimed a day or more ago (the least a region may set); each region's own days are checked below.
    private const string CandidatesSql = """
        SELECT id, org_id, assigned_at, version FROM volunteer_demands
        WHERE state = 'Assigned' AND assignment = 'Claimed' AND assigned_at <= @latest
          AND org_path >= @from AND org_path < @to
        ORDER BY assigned_at, id
        """;

    private const string AdvanceSql = """
        UPDATE volunteer_demands SET state = 'Open', assignment = NULL, claimant_kind = NULL, claimant_id = NULL,
            claimant_name = NULL, assigned_at = NULL, due_on = assign_due_on, updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND state = @expectedState AND org_path >= @from AND org_path < @to
          AND assignment = 'Claimed'
        """;

    public async ValueTask<ReleasedClaims> Handle(
        ReleaseStaleClaimsCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var candidates = await db.QueryAsync<Candidate>(
            CandidatesSql,
            new
            {
                latest = now.AddDays(-1),
                from = scope.From,
                to = scope.To,
            },
            cancellationToken
        );
        var rules = await ruleSets.ForAsync(candidates.Select(c => c.OrgId).Distinct().ToList(), cancellationToken);
        var released = new List<Guid>();
        foreach (var candidate in candidates)
        {
            var days = rules[candidate.OrgId].StaleClaimDays.Value;
            if (!DemandRules.IsStale(candidate.AssignedAt, now, days))
            {
                continue;
            }
            var step = await transitions.StartAsync(
                candidate.Id,
                candidate.Version,
                DemandStep.Release,
                cancellationToken
            );
            await step.AdvanceAsync(
                AdvanceSql,
                new { },
                $"接单后 {days} 日未开始服务，退回待接单",
                new { claimant = step.Demand.ClaimantName, days },
                cancellationToken
            );
            released.Add(candidate.Id);
        }
        return new ReleasedClaims(released.Count, released);
    }

    private sealed record Candidate
    {
        public Guid Id { get; init; }
        public Guid OrgId { get; init; }
        public DateTimeOffset AssignedAt { get; init; }
        public long Version { get; init; }
    }
}
