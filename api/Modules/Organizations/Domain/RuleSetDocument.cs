using System.Text.Json;
using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;

namespace Jiceng.Modules.Organizations.Domain;

/// <summary>One grading level of a region's set: a stable code, its local name and its rank (1 = best).</summary>
internal sealed record GradingLevel(string Code, string Name, int Rank);

internal sealed record GradingLevelsRule(
    IReadOnlyList<GradingLevel> Levels,
    IReadOnlyList<string> LaggingCodes,
    string Source
);

/// <summary>Scores at or above each threshold earn that many stars (e.g. ≥ 90 of 110 = five stars).</summary>
internal sealed record StarThreshold(int Stars, int MinScore);

internal sealed record StarRatingRule(int MaxScore, IReadOnlyList<StarThreshold> Thresholds, string Source);

internal sealed record NumberRule(int Value, string Source);

internal sealed record TextListRule(IReadOnlyList<string> Items, string Source);

/// <summary>
/// Rules the Party Constitution fixes (第一条, 第七条): the same in every region. A rule set still shows them with
/// their source, so stored documents keep their shape, but an edit may not change them and a stored value that
/// differs (saved before they were fixed) has no effect.
/// </summary>
internal static class ConstitutionRules
{
    public const int ApplicantMinAge = 18;

    public const int ProbationMonths = 12;

    public const int ExtensionMinMonths = 6;

    public const int ExtensionMaxMonths = 12;
}

/// <summary>The development pipeline's time rules (DOMAIN.md §2), the ones marked *local* set per region.</summary>
internal sealed record MemberPipelineRuleSet(
    NumberRule ApplicantMinAge,
    NumberRule ActivistAfterMonths,
    NumberRule CandidateAfterMonths,
    NumberRule TrainingMinHours,
    NumberRule NoticeMinWorkingDays,
    NumberRule ApprovalWithinMonths,
    NumberRule ProbationMonths,
    NumberRule ExtensionMinMonths,
    NumberRule ExtensionMaxMonths,
    NumberRule? TransferLetterValidMonths = null,
    NumberRule? TransferLetterValidMonthsAcrossProvinces = null
)
{
    private static readonly NumberRule DefaultTransferLetterValidMonths = new(
        3,
        "组织关系介绍信有效期一般不超过 3 个月（跨省转接本地可定为 6 个月）。"
    );

    private static readonly NumberRule DefaultTransferLetterValidMonthsAcrossProvinces = new(
        6,
        "跨省（区、市）转接组织关系的，介绍信有效期可为 6 个月（本地可另定）。"
    );

    [System.Text.Json.Serialization.JsonIgnore]
    public NumberRule TransferLetterValidMonthsOrDefault =>
        TransferLetterValidMonths ?? DefaultTransferLetterValidMonths;

    [System.Text.Json.Serialization.JsonIgnore]
    public NumberRule TransferLetterValidMonthsAcrossProvincesOrDefault =>
        TransferLetterValidMonthsAcrossProvinces ?? DefaultTransferLetterValidMonthsAcrossProvinces;

    /// <summary>This set with the rules the Party Constitution fixes at their values (sources kept).</summary>
    public MemberPipelineRuleSet WithConstitution() =>
        this with
        {
            ApplicantMinAge = ApplicantMinAge with { Value = ConstitutionRules.ApplicantMinAge },
            ProbationMonths = ProbationMonths with { Value = ConstitutionRules.ProbationMonths },
            ExtensionMinMonths = ExtensionMinMonths with { Value = ConstitutionRules.ExtensionMinMonths },
            ExtensionMaxMonths = ExtensionMaxMonths with { Value = ConstitutionRules.ExtensionMaxMonths },
        };

    public static readonly MemberPipelineRuleSet Default = new(
        new NumberRule(
            ConstitutionRules.ApplicantMinAge,
            "《中国共产党章程》第一条：年满十八岁的中国工人、农民、军人、知识分子和其他社会阶层的先进分子，可以申请加入中国共产党。"
        ),
        new NumberRule(
            6,
            "《中国共产党发展党员工作细则》第九条：在入党申请人中确定入党积极分子，一般应在递交入党申请书 6 个月以后（本地可另定）。"
        ),
        new NumberRule(
            12,
            "《中国共产党发展党员工作细则》第十四条：对经过一年以上培养教育和考察的入党积极分子，可列为发展对象。"
        ),
        new NumberRule(
            24,
            "《中国共产党发展党员工作细则》第十七条：对发展对象进行短期集中培训，时间一般不少于 3 天（或不少于 24 个学时）。"
        ),
        new NumberRule(
            5,
            "《中国共产党发展党员工作细则》第十八条：发展对象确定为预备党员前须进行公示，公示期一般为 5 个工作日（本地可另定）。"
        ),
        new NumberRule(3, "《中国共产党发展党员工作细则》第二十五条：上级党委应当在 3 个月内审批接收预备党员。"),
        new NumberRule(
            ConstitutionRules.ProbationMonths,
            "《中国共产党章程》第七条：预备党员的预备期为一年，从支部大会通过其为预备党员之日算起。"
        ),
        new NumberRule(
            ConstitutionRules.ExtensionMinMonths,
            "《中国共产党章程》第七条：可以延长一次预备期，延长时间不能少于半年，最长不超过一年。"
        ),
        new NumberRule(
            ConstitutionRules.ExtensionMaxMonths,
            "《中国共产党章程》第七条：可以延长一次预备期，延长时间不能少于半年，最长不超过一年。"
        ),
        DefaultTransferLetterValidMonths,
        DefaultTransferLetterValidMonthsAcrossProvinces
    );
}

/// <summary>
/// A region's local rules (DOMAIN.md: rules marked *local*), each with the text it comes from. Stored as
/// JSON in <c>rule_sets</c> so an administrator can change it without a deploy. Later modules add their
/// rules here.
/// </summary>
internal sealed record RuleSetDocument(
    GradingLevelsRule GradingLevels,
    StarRatingRule StarRating,
    NumberRule CommitteeTermYears,
    NumberRule VillageCommunityTermYears,
    NumberRule TermWarningDays,
    NumberRule BranchMinFullMembers,
    NumberRule BranchCommitteeMinFullMembers,
    NumberRule GeneralBranchMinMembers,
    NumberRule GrassrootsCommitteeMinMembers,
    TextListRule WeakOrganizationTriggers,
    MemberPipelineRuleSet? MemberPipeline = null,
    NumberRule? GrassrootsCommitteeTermYears = null
)
{
    /// <summary>Rule sets saved before the 党委 term was a rule of its own lack it: five years (2018 opinion).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public NumberRule GrassrootsCommitteeTermYearsOrDefault =>
        GrassrootsCommitteeTermYears ?? OrganizationTerms.DefaultGrassrootsCommitteeTermYears;

    /// <summary>Rule sets saved before Members existed lack these: the defaults apply.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public MemberPipelineRuleSet MemberPipelineOrDefault => MemberPipeline ?? MemberPipelineRuleSet.Default;

    public static readonly RuleSetDocument Default = new(
        new GradingLevelsRule(
            [new("good", "好", 1), new("fairly-good", "较好", 2), new("average", "一般", 3), new("poor", "较差", 4)],
            ["poor"],
            "基层党组织分类定级：每年按“好、较好、一般、较差”四个等次评定，“较差”为后进，实行晋位升级（各地名称不一，如 先进/一般/后进、A–D）。"
        ),
        new StarRatingRule(
            110,
            [new(5, 90), new(4, 80), new(3, 70)],
            "星级评定：满分 110 分，90 分以上为五星，80–90 分为四星，70–80 分为三星。"
        ),
        new NumberRule(
            3,
            "中共中央办公厅《关于党的基层组织任期的意见》（2018）第一条：党的总支部委员会、支部委员会每届任期一般为 3 年。"
        ),
        new NumberRule(
            5,
            "中共中央办公厅《关于党的基层组织任期的意见》（2018）第一条：村和社区党的委员会、总支部委员会、"
                + "支部委员会每届任期为 5 年。"
        ),
        new NumberRule(90, "换届提醒：任期届满前 90 日提醒上级党组织做好换届准备。"),
        new NumberRule(
            3,
            "《中国共产党章程》：企业、农村、机关、学校等基层单位，凡是有正式党员三人以上的，都应当成立党的基层组织。"
        ),
        new NumberRule(
            7,
            "《中国共产党支部工作条例（试行）》：有正式党员 7 人以上的党支部，应当设立党支部委员会；不足 7 人的，不设支部委员会，设书记 1 名。"
        ),
        new NumberRule(
            50,
            "党员人数超过 50 人的，或者党员人数虽不足 50 人、确因工作需要的，可以成立党的总支部委员会。"
        ),
        new NumberRule(100, "党员人数 100 人以上的，根据工作需要，经上级党组织批准，可以成立党的基层委员会。"),
        new TextListRule(
            [
                "书记长期缺职（超过 3 个月）",
                "班子软弱涣散、不团结",
                "组织生活不正常",
                "党员教育管理宽松软",
                "群众反映强烈、信访问题突出",
                "集体经济薄弱、无人办事",
            ],
            "软弱涣散基层党组织排查整顿：各地按本地标准确定排查情形（如书记空缺超过 3 个月）。"
        ),
        MemberPipelineRuleSet.Default,
        OrganizationTerms.DefaultGrassrootsCommitteeTermYears
    );

    public GradingLevel? Level(string code) => GradingLevels.Levels.FirstOrDefault(l => l.Code == code);

    public bool IsLagging(string code) => GradingLevels.LaggingCodes.Contains(code);

    public int? StarsFor(int? score) =>
        score is null
            ? null
            : StarRating.Thresholds.OrderByDescending(t => t.MinScore).FirstOrDefault(t => score >= t.MinScore)?.Stars
                ?? 0;

    public static readonly JsonSerializerOptions Json = InfrastructureSetup.CreateJsonOptions();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RuleSetDocument FromJson(string json) =>
        JsonSerializer.Deserialize<RuleSetDocument>(json, Json)
        ?? throw new InvalidOperationException("Empty rule set document.");
}

/// <summary>Shape rules of a rule-set document: every rule present, sourced and in range.</summary>
internal sealed class RuleSetDocumentValidator : AbstractValidator<RuleSetDocument>
{
    public RuleSetDocumentValidator()
    {
        RuleFor(d => d.GradingLevels)
            .NotNull()
            .DependentRules(() =>
            {
                RuleFor(d => d.GradingLevels.Levels)
                    .NotNull()
                    .Must(l => l is { Count: >= 2 and <= 10 })
                    .WithMessage(_ => Localized.Text("定级等次须有 2 到 10 个。", "A level set has 2 to 10 levels."));
                RuleForEach(d => d.GradingLevels.Levels)
                    .ChildRules(level =>
                    {
                        level.RuleFor(l => l.Code).RequiredText().MaximumLength(30).Matches("^[A-Za-z0-9_-]+$");
                        level.RuleFor(l => l.Name).RequiredText().MaximumLength(20);
                        level.RuleFor(l => l.Rank).InclusiveBetween(1, 10);
                    });
                RuleFor(d => d.GradingLevels.Levels)
                    .Must(l =>
                        l is null
                        || l.Select(x => x.Code).Distinct().Count() == l.Count
                            && l.Select(x => x.Rank).Distinct().Count() == l.Count
                    )
                    .WithMessage(_ =>
                        Localized.Text("等次代码和名次不能重复。", "Level codes and ranks must be unique.")
                    );
                RuleFor(d => d.GradingLevels.LaggingCodes)
                    .NotNull()
                    .Must(
                        (d, codes) =>
                            codes is not null
                            && codes.Count >= 1
                            && d.GradingLevels.Levels is not null
                            && codes.All(c => d.GradingLevels.Levels.Any(l => l.Code == c))
                    )
                    .WithMessage(_ =>
                        Localized.Text("后进等次须是本规则集中的等次。", "Lagging codes must be levels of this set.")
                    );
                RuleFor(d => d.GradingLevels.Source).RequiredText().MaximumLength(1000);
            });
        RuleFor(d => d.StarRating)
            .NotNull()
            .DependentRules(() =>
            {
                RuleFor(d => d.StarRating.MaxScore).InclusiveBetween(1, 1000);
                RuleFor(d => d.StarRating.Thresholds).NotNull();
                RuleForEach(d => d.StarRating.Thresholds)
                    .ChildRules(t =>
                    {
                        t.RuleFor(x => x.Stars).InclusiveBetween(1, 5);
                        t.RuleFor(x => x.MinScore).GreaterThanOrEqualTo(0);
                    });
                RuleFor(d => d.StarRating.Source).RequiredText().MaximumLength(1000);
            });
        Number(d => d.CommitteeTermYears, 1, 10);
        Number(d => d.VillageCommunityTermYears, 1, 10);
        When(
            d => d.GrassrootsCommitteeTermYears is not null,
            () => Number(d => d.GrassrootsCommitteeTermYears!, 1, 10)
        );
        Number(d => d.TermWarningDays, 1, 366);
        Number(d => d.BranchMinFullMembers, 1, 1000);
        Number(d => d.BranchCommitteeMinFullMembers, 1, 1000);
        Number(d => d.GeneralBranchMinMembers, 1, 10000);
        Number(d => d.GrassrootsCommitteeMinMembers, 1, 100000);
        When(
            d => d.MemberPipeline is not null,
            () =>
            {
                Fixed(d => d.MemberPipeline!.ApplicantMinAge, ConstitutionRules.ApplicantMinAge);
                Number(d => d.MemberPipeline!.ActivistAfterMonths, 0, 36);
                Number(d => d.MemberPipeline!.CandidateAfterMonths, 0, 60);
                Number(d => d.MemberPipeline!.TrainingMinHours, 0, 500);
                Number(d => d.MemberPipeline!.NoticeMinWorkingDays, 0, 60);
                Number(d => d.MemberPipeline!.ApprovalWithinMonths, 1, 24);
                Fixed(d => d.MemberPipeline!.ProbationMonths, ConstitutionRules.ProbationMonths);
                Fixed(d => d.MemberPipeline!.ExtensionMinMonths, ConstitutionRules.ExtensionMinMonths);
                Fixed(d => d.MemberPipeline!.ExtensionMaxMonths, ConstitutionRules.ExtensionMaxMonths);
                When(
                    d => d.MemberPipeline!.TransferLetterValidMonths is not null,
                    () => Number(d => d.MemberPipeline!.TransferLetterValidMonths!, 1, 24)
                );
                When(
                    d => d.MemberPipeline!.TransferLetterValidMonthsAcrossProvinces is not null,
                    () => Number(d => d.MemberPipeline!.TransferLetterValidMonthsAcrossProvinces!, 1, 24)
                );
            }
        );
        RuleFor(d => d.WeakOrganizationTriggers)
            .NotNull()
            .DependentRules(() =>
            {
                RuleFor(d => d.WeakOrganizationTriggers.Items).NotNull().Must(i => i is { Count: <= 50 });
                RuleForEach(d => d.WeakOrganizationTriggers.Items).RequiredText().MaximumLength(100);
                RuleFor(d => d.WeakOrganizationTriggers.Source).RequiredText().MaximumLength(1000);
            });
    }

    // Shown in every document (with its source) but fixed by the Party Constitution: no region may change it.
    private void Fixed(System.Linq.Expressions.Expression<Func<RuleSetDocument, NumberRule>> rule, int value)
    {
        RuleFor(rule)
            .NotNull()
            .ChildRules(n =>
            {
                n.RuleFor(x => x.Value)
                    .Equal(value)
                    .WithMessage(_ =>
                        Localized.Text(
                            $"这条规则由《中国共产党章程》规定，各地不能更改（应为 {value}）。",
                            $"The Party Constitution fixes this rule; a region cannot change it (it is {value})."
                        )
                    );
                n.RuleFor(x => x.Source).RequiredText().MaximumLength(1000);
            });
    }

    private void Number(System.Linq.Expressions.Expression<Func<RuleSetDocument, NumberRule>> rule, int min, int max)
    {
        RuleFor(rule)
            .NotNull()
            .ChildRules(n =>
            {
                n.RuleFor(x => x.Value).InclusiveBetween(min, max);
                n.RuleFor(x => x.Source).RequiredText().MaximumLength(1000);
            });
    }
}

/// <summary>Loads the rule set in force for a region: its own, else the default one.</summary>
internal static class RegionRules
{
    public const string FindForRegionSql = """
        SELECT region_root_id, document
        FROM rule_sets
        WHERE region_root_id = @regionRootId OR region_root_id IS NULL
        """;

    public static async Task<RuleSetDocument> ForRegionAsync(
        DbSession db,
        Guid regionRootId,
        CancellationToken cancellationToken
    )
    {
        var rows = await db.QueryAsync<RuleSetRow>(FindForRegionSql, new { regionRootId }, cancellationToken);
        var row =
            rows.FirstOrDefault(r => r.RegionRootId == regionRootId)
            ?? rows.FirstOrDefault(r => r.RegionRootId is null);
        return row is null ? RuleSetDocument.Default : RuleSetDocument.FromJson(row.Document);
    }

    private sealed record RuleSetRow
    {
        public Guid? RegionRootId { get; init; }
        public string Document { get; init; } = "";
    }
}
