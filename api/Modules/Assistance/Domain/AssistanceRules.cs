using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Assistance.Domain;

/// <summary>
/// The care fund's rules in force for an organization's region (DOMAIN.md §5): Assistance's section of the region
/// rule set. Every figure here is local: 鸡西's 办法 says "a share" of the dues budget and sets no national amounts,
/// so each region enters its own 办法's figures with their source. Amounts are whole yuan.
/// </summary>
internal sealed record AssistanceRules(
    NumberRule YearlyTopUpPercent,
    NumberRule YearlyCapPerPersonYuan,
    NumberRule MinimumAmountYuan,
    NumberRule HardshipMaxYuan,
    NumberRule IllnessMaxYuan,
    NumberRule DisasterMaxYuan,
    NumberRule OldMemberMaxYuan,
    NumberRule DutyDeathFamilyMaxYuan,
    NumberRule StreetApprovalUpToYuan,
    NumberRule ReviewNoticeDays,
    NumberRule OldMemberMinAge,
    NumberRule OldMemberMinStandingYears,
    NumberRule VisitWindowDays,
    NumberRule CondolenceYuan,
    NumberRule StalePairingMonths,
    NumberRule RecheckMonths
)
{
    /// <summary>The most one application of the category may ask for (its band is [minimum, this]).</summary>
    public int MaxYuanOf(AssistanceCategory category) =>
        category switch
        {
            AssistanceCategory.Hardship => HardshipMaxYuan.Value,
            AssistanceCategory.Illness => IllnessMaxYuan.Value,
            AssistanceCategory.Disaster => DisasterMaxYuan.Value,
            AssistanceCategory.OldMember => OldMemberMaxYuan.Value,
            AssistanceCategory.DutyDeathFamily => DutyDeathFamilyMaxYuan.Value,
            _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
        };
}

/// <summary>
/// Assistance's section of the rule set: each rule with its default, its source text and its bounds. All local
/// (本地规定); the defaults follow DOMAIN.md's examples and the 鸡西 article.
/// </summary>
internal sealed class AssistanceRuleSection : RuleSetSection<AssistanceRules>
{
    private const string Jixi = "参照《鸡西市党内关怀帮扶专项资金管理办法》";

    public static readonly RuleDefinition YearlyTopUpPercent = RuleDefinition.Regional(
        "yearlyTopUpPercent",
        "每年从党费预算划拨比例（%）",
        "Yearly top-up (percent of the dues budget)",
        10,
        0,
        100,
        "本地规定："
            + Jixi
            + "，从市管党费列支启动资金，每年从年度党费预算中划拨一定比例的补充资金，"
            + "用于关怀帮扶生活困难党员；比例由各地确定。"
    );

    public static readonly RuleDefinition YearlyCapPerPersonYuan = RuleDefinition.Regional(
        "yearlyCapPerPersonYuan",
        "每人每年帮扶上限（元）",
        "Yearly cap per person (yuan)",
        5000,
        100,
        100000,
        "本地规定：同一党员一年内获得的帮扶（含救助、走访慰问金、抚恤慰问金）合计不超过此数。"
    );

    public static readonly RuleDefinition MinimumAmountYuan = RuleDefinition.Regional(
        "minimumAmountYuan",
        "单次帮扶最低金额（元）",
        "Smallest amount per application (yuan)",
        100,
        1,
        10000,
        "本地规定：单次申请帮扶金额不低于此数。"
    );

    public static readonly RuleDefinition HardshipMaxYuan = RuleDefinition.Regional(
        "hardshipMaxYuan",
        "生活困难单次最高（元）",
        "Most per application: hardship (yuan)",
        2000,
        100,
        100000,
        "本地规定：生活困难党员（低保、特困等）单次帮扶金额上限。"
    );

    public static readonly RuleDefinition IllnessMaxYuan = RuleDefinition.Regional(
        "illnessMaxYuan",
        "重大疾病单次最高（元）",
        "Most per application: serious illness (yuan)",
        5000,
        100,
        100000,
        "本地规定：因重大疾病致困党员单次帮扶金额上限。"
    );

    public static readonly RuleDefinition DisasterMaxYuan = RuleDefinition.Regional(
        "disasterMaxYuan",
        "遭受灾害单次最高（元）",
        "Most per application: disaster (yuan)",
        5000,
        100,
        100000,
        "本地规定：因自然灾害、意外事故致困党员单次帮扶金额上限。"
    );

    public static readonly RuleDefinition OldMemberMaxYuan = RuleDefinition.Regional(
        "oldMemberMaxYuan",
        "老党员单次最高（元）",
        "Most per application: old member (yuan)",
        1000,
        100,
        100000,
        "本地规定：高龄老党员单次帮扶金额上限。"
    );

    public static readonly RuleDefinition DutyDeathFamilyMaxYuan = RuleDefinition.Regional(
        "dutyDeathFamilyMaxYuan",
        "因公牺牲党员家属单次最高（元）",
        "Most per application: family of a member who died on duty (yuan)",
        5000,
        100,
        100000,
        "本地规定：因公牺牲党员遗属单次帮扶金额上限。"
    );

    public static readonly RuleDefinition StreetApprovalUpToYuan = RuleDefinition.Regional(
        "streetApprovalUpToYuan",
        "街道（乡镇）党（工）委审批限额（元）",
        "Street committee approves up to (yuan)",
        2000,
        0,
        100000,
        "本地规定：申请金额不超过此数的，由街道（乡镇）党（工）委审批；超过的，报区（县）委组织部审批。"
    );

    public static readonly RuleDefinition ReviewNoticeDays = RuleDefinition.Regional(
        "reviewNoticeDays",
        "支部评议后党内公示天数",
        "In-party notice after the branch review (days)",
        5,
        1,
        30,
        "本地规定：支部评议通过后在党内公示（姓名脱敏），公示期满无异议方可报审批。"
    );

    public static readonly RuleDefinition OldMemberMinAge = RuleDefinition.Regional(
        "oldMemberMinAge",
        "老党员帮扶年龄（岁）",
        "Old member: minimum age",
        80,
        60,
        100,
        "本地规定：年满 80 周岁且党龄满 50 年的老党员可申请关怀帮扶。"
    );

    public static readonly RuleDefinition OldMemberMinStandingYears = RuleDefinition.Regional(
        "oldMemberMinStandingYears",
        "老党员帮扶党龄（年）",
        "Old member: minimum years of party standing",
        50,
        10,
        80,
        "本地规定：年满 80 周岁且党龄满 50 年的老党员可申请关怀帮扶。"
    );

    public static readonly RuleDefinition VisitWindowDays = RuleDefinition.Regional(
        "visitWindowDays",
        "节前走访期（天）",
        "Visiting period before the holiday (days)",
        VisitRules.DefaultWindowDays,
        1,
        90,
        "本地规定：春节、“七一”前走访慰问，节前此天数内的走访计为按时；" + VisitRules.Source
    );

    public static readonly RuleDefinition CondolenceYuan = RuleDefinition.Regional(
        "condolenceYuan",
        "党员去世抚恤慰问金（元）",
        "Condolence payment on a member's death (yuan)",
        1000,
        0,
        20000,
        "本地规定：党员去世后由支部确认发放的慰问金，0 为不提议；金额为本系统的地方示例，非文章原文。"
    );

    public static readonly RuleDefinition StalePairingMonths = RuleDefinition.Regional(
        "stalePairingMonths",
        "结对无帮扶记录提醒（月）",
        "Pairs listed after months without help",
        CareRules.DefaultStaleMonths,
        1,
        12,
        "本地规定：" + CareRules.PairingSource
    );

    public static readonly RuleDefinition RecheckMonths = RuleDefinition.Regional(
        "recheckMonths",
        "困难党员复核周期（月）",
        "Hardship recheck every (months)",
        CareRules.DefaultRecheckMonths,
        1,
        24,
        "本地规定：" + CareRules.RecheckSource
    );

    // After the definitions: static fields initialize in order, and the instance lists them.
    public static readonly AssistanceRuleSection Instance = new();

    public override string Key => "assistance";

    public override IReadOnlyList<RuleDefinition> NumberRules { get; } =
    [
        YearlyTopUpPercent,
        YearlyCapPerPersonYuan,
        MinimumAmountYuan,
        HardshipMaxYuan,
        IllnessMaxYuan,
        DisasterMaxYuan,
        OldMemberMaxYuan,
        DutyDeathFamilyMaxYuan,
        StreetApprovalUpToYuan,
        ReviewNoticeDays,
        OldMemberMinAge,
        OldMemberMinStandingYears,
        VisitWindowDays,
        CondolenceYuan,
        StalePairingMonths,
        RecheckMonths,
    ];

    public override AssistanceRules Defaults { get; } =
        new(
            YearlyTopUpPercent.DefaultRule,
            YearlyCapPerPersonYuan.DefaultRule,
            MinimumAmountYuan.DefaultRule,
            HardshipMaxYuan.DefaultRule,
            IllnessMaxYuan.DefaultRule,
            DisasterMaxYuan.DefaultRule,
            OldMemberMaxYuan.DefaultRule,
            DutyDeathFamilyMaxYuan.DefaultRule,
            StreetApprovalUpToYuan.DefaultRule,
            ReviewNoticeDays.DefaultRule,
            OldMemberMinAge.DefaultRule,
            OldMemberMinStandingYears.DefaultRule,
            VisitWindowDays.DefaultRule,
            CondolenceYuan.DefaultRule,
            StalePairingMonths.DefaultRule,
            RecheckMonths.DefaultRule
        );
}

/// <summary>Who may be helped and why (DOMAIN.md §5).</summary>
internal enum AssistanceCategory
{
    [Infrastructure.Primitives.Label("生活困难", "Hardship")]
    Hardship,

    [Infrastructure.Primitives.Label("重大疾病", "Serious illness")]
    Illness,

    [Infrastructure.Primitives.Label("遭受灾害", "Disaster")]
    Disaster,

    [Infrastructure.Primitives.Label("老党员关怀", "Old member")]
    OldMember,

    [Infrastructure.Primitives.Label("因公牺牲党员家属", "Family of a member who died on duty")]
    DutyDeathFamily,
}

/// <summary>Reads Assistance's section of the rule set in force for an organization's region.</summary>
internal sealed class AssistanceRuleSets(IRegionRuleSets ruleSets)
{
    public Task<AssistanceRules> ForAsync(Guid organizationId, CancellationToken cancellationToken) =>
        ruleSets.SectionAsync<AssistanceRules>(organizationId, cancellationToken);

    /// <summary>For a care row, by the region root it keeps: one read fewer on every visit payment.</summary>
    public Task<AssistanceRules> ForRegionAsync(Guid regionRootId, CancellationToken cancellationToken) =>
        ruleSets.SectionOfRegionAsync<AssistanceRules>(regionRootId, cancellationToken);
}
