using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Dividends.Domain;

/// <summary>
/// The dividends rules in force for an organization's region (DOMAIN.md §4): the module's section of the region rule
/// set. Money thresholds are whole yuan (rule values are whole numbers); percentages are whole percent. The plans'
/// rules (notice days, quorums, the approval steps) are appended after the income rules.
/// </summary>
internal sealed record DividendRules(
    NumberRule ReserveMinPercent,
    NumberRule DividendMaxPercentOfNetIncome,
    NumberRule DividendCapAboveYuan,
    NumberRule CooperativeByVolumeMinPercent,
    NumberRule WeakCollectiveBelowYuan,
    NumberRule ReportedOperatingIncomeYuan
);

/// <summary>
/// Dividends' section of the rule set: each rule with its default, its source text and whether a region may change
/// it. Sources quote the law where one binds everyone; a local rule says 本地规定 and gives the usual provincial text.
/// </summary>
internal sealed class DividendRuleSection : RuleSetSection<DividendRules>
{
    public static readonly RuleDefinition ReserveMinPercent = RuleDefinition.Regional(
        "reserveMinPercent",
        "公积公益金最低提取比例（%）",
        "Minimum reserves (公积公益金, percent of net income)",
        30,
        0,
        100,
        "本地规定：农村集体经济组织年度收益分配，应先弥补亏损，再按不低于当年净收益 30% 的比例提取公积公益金，"
            + "其余方可用于成员分配（各省农村集体经济组织收益分配办法不一）。"
    );

    public static readonly RuleDefinition DividendMaxPercentOfNetIncome = RuleDefinition.Regional(
        "dividendMaxPercentOfNetIncome",
        "成员分红占当年净收益的最高比例（%）",
        "Member dividends at most (percent of net income)",
        60,
        0,
        100,
        "本地规定：当年净收益超过 10 万元的，用于成员分红的金额一般不超过当年净收益的 60%，"
            + "其余用于发展集体经济和公益事业。"
    );

    public static readonly RuleDefinition DividendCapAboveYuan = RuleDefinition.Regional(
        "dividendCapAboveYuan",
        "分红比例限制适用的净收益起点（元）",
        "Dividend share limit applies above net income of (yuan)",
        100_000,
        0,
        100_000_000,
        "本地规定：分红比例上限适用于当年净收益超过 10 万元的集体经济组织。"
    );

    public static readonly RuleDefinition CooperativeByVolumeMinPercent = RuleDefinition.Fixed(
        "cooperativeByVolumeMinPercent",
        "合作社按交易量（额）返还的最低比例（%）",
        "Cooperative: returned by trading volume at least (percent of distributable surplus)",
        60,
        "《中华人民共和国农民专业合作社法》第四十四条：可分配盈余主要按照成员与本社的交易量（额）比例返还。"
            + "按交易量（额）比例返还的返还总额不得低于可分配盈余的百分之六十；"
            + "返还后的剩余部分，以成员账户中记载的出资额和公积金份额，以及本社接受国家财政直接补助"
            + "和他人捐赠形成的财产平均量化到成员的份额，按比例分配给本社成员。"
    );

    public static readonly RuleDefinition WeakCollectiveBelowYuan = RuleDefinition.Regional(
        "weakCollectiveBelowYuan",
        "集体经济薄弱村年经营性收入标准（低于，元）",
        "Weak collective: yearly operating income below (yuan)",
        50_000,
        0,
        10_000_000,
        "本地规定：村级集体经济年经营性收入低于 5 万元的为集体经济薄弱村（各地标准不一，有的为 10 万元）。"
    );

    public static readonly RuleDefinition ReportedOperatingIncomeYuan = RuleDefinition.Regional(
        "reportedOperatingIncomeYuan",
        "统计上报的年经营性收入档次（达到，元）",
        "Reported band: yearly operating income of at least (yuan)",
        200_000,
        0,
        100_000_000,
        "本地规定：统计年经营性收入 20 万元以上的村（合作社）（敦化市：10 个合作社实现年经营性收入 20 万元以上）。"
    );

    // After the definitions: static fields initialize in order, and the instance lists them.
    public static readonly DividendRuleSection Instance = new();

    public override string Key => "dividends";

    public override IReadOnlyList<RuleDefinition> NumberRules { get; } =
    [
        ReserveMinPercent,
        DividendMaxPercentOfNetIncome,
        DividendCapAboveYuan,
        CooperativeByVolumeMinPercent,
        WeakCollectiveBelowYuan,
        ReportedOperatingIncomeYuan,
    ];

    public override DividendRules Defaults { get; } =
        new(
            ReserveMinPercent.DefaultRule,
            DividendMaxPercentOfNetIncome.DefaultRule,
            DividendCapAboveYuan.DefaultRule,
            CooperativeByVolumeMinPercent.DefaultRule,
            WeakCollectiveBelowYuan.DefaultRule,
            ReportedOperatingIncomeYuan.DefaultRule
        );
}

/// <summary>Reads Dividends' section of the rule set in force for organizations' regions.</summary>
internal sealed class DividendRuleSets(IRegionRuleSets ruleSets)
{
    public Task<DividendRules> RulesAsync(Guid organizationId, CancellationToken cancellationToken) =>
        ruleSets.SectionAsync<DividendRules>(organizationId, cancellationToken);
}
