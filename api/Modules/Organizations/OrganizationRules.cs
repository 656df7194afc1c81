using Jiceng.Infrastructure.Database;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Organizations.Domain;

namespace Jiceng.Modules.Organizations;

/// <summary>Answers other modules' questions about the region rules, on the request's database session.</summary>
internal sealed class OrganizationRules(DbSession db) : IOrganizationRules
{
    private const string RegionsSql = "SELECT id, region_root_id FROM organizations WHERE id {in:ids}";

    // Below SQL Server's 2,100 parameters per statement.
    private const int Chunk = 1000;

    public async Task<MemberPipelineRules> MemberPipelineRulesAsync(
        Guid organizationId,
        CancellationToken cancellationToken
    ) => (await MemberPipelineRulesAsync([organizationId], cancellationToken))[organizationId];

    public async Task<IReadOnlyDictionary<Guid, MemberPipelineRules>> MemberPipelineRulesAsync(
        IReadOnlyCollection<Guid> organizationIds,
        CancellationToken cancellationToken
    )
    {
        var regionOf = new Dictionary<Guid, Guid>();
        foreach (var chunk in organizationIds.Distinct().Chunk(Chunk))
        {
            foreach (var row in await db.QueryAsync<RegionRow>(RegionsSql, new { ids = chunk }, cancellationToken))
            {
                regionOf[row.Id] = row.RegionRootId;
            }
        }
        var byRegion = new Dictionary<Guid, MemberPipelineRules>();
        foreach (var region in regionOf.Values.Distinct())
        {
            var document = await RegionRules.ForRegionAsync(db, region, cancellationToken);
            byRegion[region] = Convert(document.MemberPipelineOrDefault.WithConstitution());
        }
        var defaults = Convert(MemberPipelineRuleSet.Default);
        return organizationIds
            .Distinct()
            .ToDictionary(id => id, id => regionOf.TryGetValue(id, out var region) ? byRegion[region] : defaults);
    }

    private static MemberPipelineRules Convert(MemberPipelineRuleSet rules)
    {
        static LocalRule Local(NumberRule rule) => new(rule.Value, rule.Source);
        return new MemberPipelineRules(
            Local(rules.ApplicantMinAge),
            Local(rules.ActivistAfterMonths),
            Local(rules.CandidateAfterMonths),
            Local(rules.TrainingMinHours),
            Local(rules.NoticeMinWorkingDays),
            Local(rules.ApprovalWithinMonths),
            Local(rules.ProbationMonths),
            Local(rules.ExtensionMinMonths),
            Local(rules.ExtensionMaxMonths),
            Local(rules.TransferLetterValidMonthsOrDefault),
            Local(rules.TransferLetterValidMonthsAcrossProvincesOrDefault)
        );
    }

    private sealed record RegionRow
    {
        public Guid Id { get; init; }
        public Guid RegionRootId { get; init; }
    }
}
