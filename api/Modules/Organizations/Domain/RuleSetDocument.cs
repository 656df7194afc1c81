using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using FluentValidation.Results;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Organizations.Domain;

/// <summary>
/// A region's rule set as stored and sent: one section per module that registered an <see cref="IRuleSetSection"/>,
/// under the section's key (Organizations' own rules under "organizations", the member pipeline's under
/// "memberPipeline"). A section left out takes its defaults; the sections themselves say what is fixed and local.
/// </summary>
internal sealed class RuleSetDocument : Dictionary<string, JsonObject?>
{
    public RuleSetDocument()
        : base(StringComparer.Ordinal) { }

    public static readonly JsonSerializerOptions Json = InfrastructureSetup.CreateJsonOptions();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The stored text as sections (no sections: every default applies).</summary>
    public static RuleSetDocument FromJson(string json)
    {
        var document = new RuleSetDocument();
        if (JsonNode.Parse(json) is JsonObject root)
        {
            foreach (var (key, value) in root)
            {
                document[key] = value?.DeepClone() as JsonObject;
            }
        }
        return document;
    }
}

/// <summary>
/// Composes the rule set from the registered sections: the document in force (every section, fixed rules at their
/// national values) and the problems of a document a client sent (each named by its field, with its bound).
/// </summary>
internal sealed class RuleSetComposition(IEnumerable<IRuleSetSection> sections)
{
    private readonly IReadOnlyList<IRuleSetSection> sections =
    [
        .. sections.OrderBy(s => s.Key, StringComparer.Ordinal),
    ];

    public IReadOnlyList<IRuleSetSection> Sections => sections;

    private IEnumerable<string> Keys => sections.Select(s => s.Key);

    public RuleSetDocument Default => Effective(new RuleSetDocument());

    /// <summary>Every registered section in force; a stored section no module registers any more drops.</summary>
    public RuleSetDocument Effective(RuleSetDocument stored)
    {
        var document = new RuleSetDocument();
        foreach (var section in sections)
        {
            document[section.Key] = section.Effective(stored.GetValueOrDefault(section.Key));
        }
        return document;
    }

    /// <summary>Failures with paths under <paramref name="prefix"/> (e.g. "Body.Document.").</summary>
    public IEnumerable<ValidationFailure> Validate(RuleSetDocument sent, string prefix)
    {
        foreach (var (key, value) in sent)
        {
            var section = sections.FirstOrDefault(s => s.Key == key);
            if (section is null)
            {
                yield return new ValidationFailure(
                    prefix + key,
                    Localized.Text(
                        $"规则集没有“{key}”这一部分，可用的部分：{string.Join("、", Keys)}。",
                        $"The rule set has no section \"{key}\"; its sections: {string.Join(", ", Keys)}."
                    )
                );
                continue;
            }
            if (value is null)
            {
                continue;
            }
            foreach (var failure in section.Validate(value))
            {
                var path = failure.PropertyName is { Length: > 0 } inner ? $"{prefix}{key}.{inner}" : prefix + key;
                yield return new ValidationFailure(path, failure.ErrorMessage);
            }
        }
    }
}

/// <summary>A rule-set document a client sent: each section checked by its own module's rules.</summary>
internal static class RuleSetDocumentRules
{
    public static IRuleBuilderOptionsConditions<TCommand, RuleSetDocument?> ValidSections<TCommand>(
        this IRuleBuilder<TCommand, RuleSetDocument?> rule,
        RuleSetComposition composition
    ) =>
        rule.Custom(
            (document, context) =>
            {
                if (document is null)
                {
                    return;
                }
                foreach (var failure in composition.Validate(document, context.PropertyPath + "."))
                {
                    context.AddFailure(failure);
                }
            }
        );
}

/// <summary>One grading level of a region's set: a stable code, its local name and its rank (1 = best).</summary>
internal sealed record GradingLevel(string Code, string Name, int Rank);

/// <summary>A region's levels (local: their names vary, e.g. 好/较好/一般/较差 or A–D) and the lagging ones.</summary>
internal sealed record GradingLevelsRule(
    IReadOnlyList<GradingLevel> Levels,
    IReadOnlyList<string> LaggingCodes,
    string Source
)
{
    /// <summary>Levels are local (DOMAIN.md): each region names its own.</summary>
    public bool Local => true;
}

/// <summary>Scores at or above each threshold earn that many stars (e.g. ≥ 90 of 110 = five stars).</summary>
internal sealed record StarThreshold(int Stars, int MinScore);

internal sealed record StarRatingRule(int MaxScore, IReadOnlyList<StarThreshold> Thresholds, string Source)
{
    public bool Local => true;
}

internal sealed record TextListRule(IReadOnlyList<string> Items, string Source)
{
    public bool Local => true;
}

/// <summary>
/// Organizations' section of the rule set: grading, terms, setting-up thresholds and weak-organization triggers
/// (DOMAIN.md §1). Terms and thresholds come from the Party Constitution and central regulations and are the same in
/// every region; the levels, the star scale, the term warning and the triggers are local.
/// </summary>
internal sealed record OrganizationRuleSet(
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
    NumberRule GrassrootsCommitteeTermYears
)
{
    /// <summary>The grassroots committee's (党委) term: fixed, so always present (kept for OrganizationTerms).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public NumberRule GrassrootsCommitteeTermYearsOrDefault => GrassrootsCommitteeTermYears;

    public GradingLevel? Level(string code) => GradingLevels.Levels.FirstOrDefault(l => l.Code == code);

    public bool IsLagging(string code) => GradingLevels.LaggingCodes.Contains(code);

    public int? StarsFor(int? score) =>
        score is null
            ? null
            : StarRating.Thresholds.OrderByDescending(t => t.MinScore).FirstOrDefault(t => score >= t.MinScore)?.Stars
                ?? 0;
}

/// <summary>Organizations' rules: definitions, defaults and source texts (README "Rules and their sources").</summary>
internal sealed class OrganizationRuleSection : RuleSetSection<OrganizationRuleSet>
{
    private static readonly OrganizationRuleSetValidator OtherRules = new();

    public static readonly RuleDefinition CommitteeTermYears = RuleDefinition.Fixed(
        "committeeTermYears",
        "委员会任期（年）",
        "Committee term (years)",
        3,
        "中共中央办公厅《关于党的基层组织任期的意见》（2018）第一条：党的总支部委员会、支部委员会每届任期一般为 3 年。"
    );

    public static readonly RuleDefinition VillageCommunityTermYears = RuleDefinition.Fixed(
        "villageCommunityTermYears",
        "村、社区党组织任期（年）",
        "Village and community term (years)",
        5,
        "中共中央办公厅《关于党的基层组织任期的意见》（2018）第一条：村和社区党的委员会、总支部委员会、"
            + "支部委员会每届任期为 5 年。"
    );

    public static readonly RuleDefinition GrassrootsCommitteeTermYears = RuleDefinition.Fixed(
        "grassrootsCommitteeTermYears",
        "基层党委任期（年）",
        "Grassroots committee term (years)",
        5,
        "中共中央办公厅《关于党的基层组织任期的意见》（2018）第一条：党的基层委员会每届任期一般为 5 年。"
    );

    public static readonly RuleDefinition TermWarningDays = RuleDefinition.Regional(
        "termWarningDays",
        "换届提醒提前天数",
        "Term warning (days)",
        90,
        1,
        366,
        "本地规定：任期届满前 90 日提醒上级党组织做好换届准备。"
    );

    public static readonly RuleDefinition BranchMinFullMembers = RuleDefinition.Fixed(
        "branchMinFullMembers",
        "党支部最少正式党员数",
        "Branch minimum full members",
        3,
        "《中国共产党章程》第三十条：企业、农村、机关、学校、科研院所、街道社区、社会组织、人民解放军连队和其他基层单位，"
            + "凡是有正式党员三人以上的，都应当成立党的基层组织。"
    );

    public static readonly RuleDefinition BranchCommitteeMinFullMembers = RuleDefinition.Fixed(
        "branchCommitteeMinFullMembers",
        "设支委会最少正式党员数",
        "Branch committee minimum full members",
        7,
        "《中国共产党支部工作条例（试行）》：有正式党员 7 人以上的党支部，应当设立党支部委员会；"
            + "正式党员不足 7 人的，不设支部委员会，设书记 1 名。"
    );

    public static readonly RuleDefinition GeneralBranchMinMembers = RuleDefinition.Fixed(
        "generalBranchMinMembers",
        "党总支最少党员数",
        "General branch minimum members",
        50,
        "党员人数超过 50 人的，或者党员人数虽不足 50 人、确因工作需要的，可以成立党的总支部委员会。"
    );

    public static readonly RuleDefinition GrassrootsCommitteeMinMembers = RuleDefinition.Fixed(
        "grassrootsCommitteeMinMembers",
        "基层党委最少党员数",
        "Grassroots committee minimum members",
        100,
        "党员人数 100 人以上的，根据工作需要，经上级党组织批准，可以成立党的基层委员会。"
    );

    // After the definitions: static fields initialize in order, and the instance lists them.
    public static readonly OrganizationRuleSection Instance = new();

    public override string Key => "organizations";

    public override IReadOnlyList<RuleDefinition> NumberRules { get; } =
    [
        CommitteeTermYears,
        VillageCommunityTermYears,
        GrassrootsCommitteeTermYears,
        TermWarningDays,
        BranchMinFullMembers,
        BranchCommitteeMinFullMembers,
        GeneralBranchMinMembers,
        GrassrootsCommitteeMinMembers,
    ];

    public override OrganizationRuleSet Defaults { get; } =
        new(
            new GradingLevelsRule(
                [
                    new("good", "好", 1),
                    new("fairly-good", "较好", 2),
                    new("average", "一般", 3),
                    new("poor", "较差", 4),
                ],
                ["poor"],
                "本地规定：基层党组织分类定级，每年按“好、较好、一般、较差”四个等次评定，“较差”为后进，实行晋位升级"
                    + "（各地名称不一，如 先进/一般/后进、A–D）。"
            ),
            new StarRatingRule(
                110,
                [new(5, 90), new(4, 80), new(3, 70)],
                "本地规定：星级评定满分 110 分，90 分以上为五星，80–90 分为四星，70–80 分为三星。"
            ),
            CommitteeTermYears.DefaultRule,
            VillageCommunityTermYears.DefaultRule,
            TermWarningDays.DefaultRule,
            BranchMinFullMembers.DefaultRule,
            BranchCommitteeMinFullMembers.DefaultRule,
            GeneralBranchMinMembers.DefaultRule,
            GrassrootsCommitteeMinMembers.DefaultRule,
            new TextListRule(
                [
                    "书记长期缺职（超过 3 个月）",
                    "班子软弱涣散、不团结",
                    "组织生活不正常",
                    "党员教育管理宽松软",
                    "群众反映强烈、信访问题突出",
                    "集体经济薄弱、无人办事",
                ],
                "本地规定：软弱涣散基层党组织排查整顿，各地按本地标准确定排查情形（如书记空缺超过 3 个月）。"
            ),
            GrassrootsCommitteeTermYears.DefaultRule
        );

    protected override IEnumerable<ValidationFailure> ValidateOther(OrganizationRuleSet section) =>
        OtherRules.Validate(section).Errors;
}

/// <summary>
/// Organizations' rules that are not single numbers: levels, the star scale and the triggers, each present, sourced
/// and in range (the number rules are checked from their definitions).
/// </summary>
internal sealed class OrganizationRuleSetValidator : AbstractValidator<OrganizationRuleSet>
{
    public OrganizationRuleSetValidator()
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
                    .NotNull()
                    .ChildRules(level =>
                    {
                        level.RuleFor(l => l.Code).RequiredText().MaximumLength(30).Matches("^[A-Za-z0-9_-]+$");
                        level.RuleFor(l => l.Name).RequiredText().MaximumLength(20);
                        level.RuleFor(l => l.Rank).InclusiveBetween(1, 10);
                    });
                RuleFor(d => d.GradingLevels.Levels)
                    .Must(l =>
                        l is null
                        || l.Select(x => x?.Code).Distinct().Count() == l.Count
                            && l.Select(x => x?.Rank).Distinct().Count() == l.Count
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
                            && codes.All(c => d.GradingLevels.Levels.Any(l => l is not null && l.Code == c))
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
                    .NotNull()
                    .ChildRules(t =>
                    {
                        t.RuleFor(x => x.Stars).InclusiveBetween(1, 5);
                        t.RuleFor(x => x.MinScore).GreaterThanOrEqualTo(0);
                    });
                RuleFor(d => d.StarRating.Source).RequiredText().MaximumLength(1000);
            });
        RuleFor(d => d.WeakOrganizationTriggers)
            .NotNull()
            .DependentRules(() =>
            {
                RuleFor(d => d.WeakOrganizationTriggers.Items).NotNull().Must(i => i is { Count: <= 50 });
                RuleForEach(d => d.WeakOrganizationTriggers.Items).RequiredText().MaximumLength(100);
                RuleFor(d => d.WeakOrganizationTriggers.Source).RequiredText().MaximumLength(1000);
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

    /// <summary>Organizations' own section of the set in force.</summary>
    public static async Task<OrganizationRuleSet> ForRegionAsync(
        DbSession db,
        Guid regionRootId,
        CancellationToken cancellationToken
    ) => await SectionAsync(db, OrganizationRuleSection.Instance, regionRootId, cancellationToken);

    /// <summary>
    /// One section in force for a region, as its record. The stored document is read on every call (a change takes
    /// effect on the next request, on every instance); what is remembered is only the record that a document's text
    /// gives, since parsing the whole document and merging the section's defaults took a quarter of a care-fund
    /// payment's time. Records are immutable, so one may serve many requests.
    /// </summary>
    public static async Task<T> SectionAsync<T>(
        DbSession db,
        RuleSetSection<T> section,
        Guid regionRootId,
        CancellationToken cancellationToken
    )
        where T : class
    {
        var text = await StoredTextAsync(db, regionRootId, cancellationToken);
        var key = (section.Key, text ?? "");
        if (ReadSections.TryGetValue(key, out var known))
        {
            return (T)known;
        }
        var read = section.Read(text is null ? null : RuleSetDocument.FromJson(text).GetValueOrDefault(section.Key));
        // A few regions' sets in a few versions at a time; a changed set leaves its old text behind, so the memory
        // is emptied when it grows past that rather than kept forever.
        if (ReadSections.Count >= MaxReadSections)
        {
            ReadSections.Clear();
        }
        ReadSections[key] = read;
        return read;
    }

    private const int MaxReadSections = 256;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), object> ReadSections =
        new();

    /// <summary>The stored document in force for a region (empty where no set exists: every default applies).</summary>
    public static async Task<RuleSetDocument> StoredAsync(
        DbSession db,
        Guid regionRootId,
        CancellationToken cancellationToken
    )
    {
        var text = await StoredTextAsync(db, regionRootId, cancellationToken);
        return text is null ? new RuleSetDocument() : RuleSetDocument.FromJson(text);
    }

    /// <summary>The stored text of the set in force for a region (the region's own, else the default set's), or null.
    /// </summary>
    private static async Task<string?> StoredTextAsync(
        DbSession db,
        Guid regionRootId,
        CancellationToken cancellationToken
    )
    {
        var rows = await db.QueryAsync<RuleSetRow>(FindForRegionSql, new { regionRootId }, cancellationToken);
        var row =
            rows.FirstOrDefault(r => r.RegionRootId == regionRootId)
            ?? rows.FirstOrDefault(r => r.RegionRootId is null);
        return row?.Document;
    }

    private sealed record RuleSetRow
    {
        public Guid? RegionRootId { get; init; }
        public string Document { get; init; } = "";
    }
}
