using Jiceng.Infrastructure.Database;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Organizations.Domain;

namespace Jiceng.Modules.Organizations;

/// <summary>Answers other modules' questions about the region rules, on the request's database session.</summary>
internal sealed class OrganizationRules(DbSession db) : IOrganizationRules
{
    private const string RegionSql = "SELECT region_root_id FROM organizations WHERE id = @id";

    public async Task<MemberPipelineRules> MemberPipelineRulesAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        var region = await db.QuerySingleOrDefaultAsync<Guid?>(RegionSql, new { id = organizationId }, cancellationToken);
        var rules = region is { } regionRootId
            ? (await RegionRules.ForRegionAsync(db, regionRootId, cancellationToken)).MemberPipelineOrDefault
            : MemberPipelineRuleSet.Default;
        static LocalRule Local(NumberRule rule) => new(rule.Value, rule.Source);
        return new MemberPipelineRules(Local(rules.ApplicantMinAge), Local(rules.ActivistAfterMonths), Local(rules.CandidateAfterMonths),
            Local(rules.TrainingMinHours), Local(rules.NoticeMinWorkingDays), Local(rules.ApprovalWithinMonths), Local(rules.ProbationMonths),
            Local(rules.ExtensionMinMonths), Local(rules.ExtensionMaxMonths), Local(rules.TransferLetterValidMonthsOrDefault));
    }
}
