namespace Jiceng.Modules.Organizations.Domain;

/// <summary>
/// The setting-up thresholds (DOMAIN.md §1) as pure questions, each at its boundary; the figures come from the
/// region's rule set. They warn and never block. Members are 党员: full and probationary together; the branch
/// committee rule counts full members only.
/// </summary>
internal static class SettingUpRules
{
    public const string BranchAtMostSource =
        "《中国共产党支部工作条例（试行）》第四条：党支部党员人数一般不超过 50 人。";

    public const string LocalCommitteeNote =
        "上级设有党委或党工委的委员会（县委及以上的地方委员会）和各地区的顶层组织不按基层党委人数提示。";

    public static bool IsBranch(OrganizationKind kind) =>
        kind is OrganizationKind.Branch or OrganizationKind.JointBranch or OrganizationKind.TemporaryBranch;

    /// <summary>A branch of more members than a general branch needs should be split or become one (&gt; 50).</summary>
    public static bool BranchTooLarge(int members, OrganizationRuleSet rules) =>
        members > rules.GeneralBranchMinMembers.Value;

    /// <summary>A general branch with fewer members in its subtree than the threshold (&lt; 50).</summary>
    public static bool TooFewForGeneralBranch(int subtreeMembers, OrganizationRuleSet rules) =>
        subtreeMembers < rules.GeneralBranchMinMembers.Value;

    /// <summary>A grassroots committee with fewer members in its subtree than the threshold (&lt; 100).</summary>
    public static bool TooFewForCommittee(int subtreeMembers, OrganizationRuleSet rules) =>
        subtreeMembers < rules.GrassrootsCommitteeMinMembers.Value;

    /// <summary>7 or more full members and no branch committee elected.</summary>
    public static bool CommitteeRequired(int fullMembers, bool hasCommittee, OrganizationRuleSet rules) =>
        !hasCommittee && fullMembers >= rules.BranchCommitteeMinFullMembers.Value;

    /// <summary>Fewer than 7 full members but a branch committee (a secretary is what the rule provides).</summary>
    public static bool CommitteeNotExpected(int fullMembers, bool hasCommittee, OrganizationRuleSet rules) =>
        hasCommittee && fullMembers < rules.BranchCommitteeMinFullMembers.Value;

    /// <summary>
    /// A 党委 counted as a grassroots committee: not a region's top and directing no committee or working committee
    /// below it (a 县委 over 乡镇党委 is a local committee, whose size the 100-member rule does not measure).
    /// </summary>
    public static bool IsGrassrootsCommittee(OrganizationKind kind, bool isRegionTop, bool directsCommittees) =>
        kind == OrganizationKind.Committee && !isRegionTop && !directsCommittees;
}
