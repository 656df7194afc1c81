namespace Jiceng.Modules.Organizations.Contracts;

/// <summary>One local rule: its value and the text it comes from (shown when the rule refuses something).</summary>
public sealed record LocalRule(int Value, string Source);

/// <summary>The development pipeline's rules in force for an organization's region.</summary>
public sealed record MemberPipelineRules(
    LocalRule ApplicantMinAge,
    LocalRule ActivistAfterMonths,
    LocalRule CandidateAfterMonths,
    LocalRule TrainingMinHours,
    LocalRule NoticeMinWorkingDays,
    LocalRule ApprovalWithinMonths,
    LocalRule ProbationMonths,
    LocalRule ExtensionMinMonths,
    LocalRule ExtensionMaxMonths,
    LocalRule TransferLetterValidMonths,
    LocalRule TransferLetterValidMonthsAcrossProvinces
);

/// <summary>The region rule set other modules follow (the region of the organization given).</summary>
public interface IOrganizationRules
{
    Task<MemberPipelineRules> MemberPipelineRulesAsync(Guid organizationId, CancellationToken cancellationToken);

    /// <summary>The rules for many organizations at once (lists, imports): one look-up of their regions, each region's set read once.</summary>
    Task<IReadOnlyDictionary<Guid, MemberPipelineRules>> MemberPipelineRulesAsync(
        IReadOnlyCollection<Guid> organizationIds,
        CancellationToken cancellationToken
    );
}
