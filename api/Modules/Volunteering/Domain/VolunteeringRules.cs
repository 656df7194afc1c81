using FluentValidation;
using FluentValidation.Results;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Volunteering.Domain;

/// <summary>A list a region names itself (local), with the text it comes from.</summary>
internal sealed record LocalList(IReadOnlyList<string> Items, string Source)
{
    public bool Local => true;
}

/// <summary>
/// The Volunteering module's rules in force for an organization's region (DOMAIN.md §3): its section
/// <c>volunteering</c> of the region rule set. Every rule here is local: the time limits and limits of the
/// 党群服务 "点单、派单、接单、评单" loop are each street's or district's own. Each area appends its rules.
/// </summary>
internal sealed record VolunteeringRules(
    NumberRule AcceptWithinWorkingDays,
    NumberRule AssignWithinWorkingDays,
    NumberRule MaxOpenClaims,
    NumberRule StaleClaimDays,
    LocalList DemandCategories,
    NumberRule WishPriceCapFen,
    NumberRule PublicWishWall,
    NumberRule HalfHourFromMinutes,
    NumberRule WholeHourFromMinutes,
    NumberRule DailyCapHours,
    NumberRule OneStarHours,
    NumberRule TwoStarHours,
    NumberRule ThreeStarHours,
    NumberRule FourStarHours,
    NumberRule FiveStarHours
)
{
    /// <summary>The service-hour rules as the pure functions take them.</summary>
    public ServiceHourSettings Hours =>
        new(
            HalfHourFromMinutes.Value,
            WholeHourFromMinutes.Value,
            DailyCapHours.Value,
            [OneStarHours.Value, TwoStarHours.Value, ThreeStarHours.Value, FourStarHours.Value, FiveStarHours.Value]
        );
}

/// <summary>
/// Volunteering's section of the rule set: each rule with its default, its source and its bounds (README "Rules and
/// their sources" lists them).
/// </summary>
internal sealed class VolunteeringRuleSection : RuleSetSection<VolunteeringRules>
{
    private static readonly VolunteeringRulesValidator OtherRules = new();

    public static readonly RuleDefinition AcceptWithinWorkingDays = RuleDefinition.Regional(
        "acceptWithinWorkingDays",
        "受理时限（工作日）",
        "Accept or reject within (working days)",
        1,
        1,
        10,
        "本地规定：群众“点单”后，社区党组织须在 1 个工作日内受理或说明不予受理的理由"
            + "（甘井子区辛寨子街道“点单、派单、接单、评单”闭环做法）。"
    );

    public static readonly RuleDefinition AssignWithinWorkingDays = RuleDefinition.Regional(
        "assignWithinWorkingDays",
        "派单或接单时限（工作日）",
        "Dispatch or claim within (working days)",
        3,
        1,
        30,
        "本地规定：受理后 3 个工作日内派单至志愿服务队或党员，或由党员、服务队、结对单位接单。"
    );

    public static readonly RuleDefinition MaxOpenClaims = RuleDefinition.Regional(
        "maxOpenClaims",
        "同时承接未办结需求上限",
        "Open claims per claimant at most",
        5,
        1,
        100,
        "本地规定：同一党员、服务队或单位同时承接尚未办结的需求不超过 5 件，办结后方可再接单，防止“抢而不办”。"
    );

    public static readonly RuleDefinition StaleClaimDays = RuleDefinition.Regional(
        "staleClaimDays",
        "接单后无进展释放天数",
        "Days without progress before a claim is released",
        7,
        1,
        90,
        "本地规定：接单后 7 日内未开始服务的，需求退回待接单，由其他党员或服务队承接（记录在案）。"
    );

    // After the definitions: static fields initialize in order, and the instance lists them.
    public static readonly VolunteeringRuleSection Instance = new();

    public override string Key => "volunteering";

    public override IReadOnlyList<RuleDefinition> NumberRules { get; } =
    [
        AcceptWithinWorkingDays,
        AssignWithinWorkingDays,
        MaxOpenClaims,
        StaleClaimDays,
        MicroWishRuleDefinitions.WishPriceCapFen,
        MicroWishRuleDefinitions.PublicWishWall,
        ServiceHourRuleDefinitions.HalfHourFromMinutes,
        ServiceHourRuleDefinitions.WholeHourFromMinutes,
        ServiceHourRuleDefinitions.DailyCapHours,
        .. ServiceHourRuleDefinitions.Stars,
    ];

    public override VolunteeringRules Defaults { get; } =
        new(
            AcceptWithinWorkingDays.DefaultRule,
            AssignWithinWorkingDays.DefaultRule,
            MaxOpenClaims.DefaultRule,
            StaleClaimDays.DefaultRule,
            new LocalList(
                ["助老助残", "邻里互助", "环境整治", "文明实践", "法律援助", "医疗健康", "教育辅导", "其他"],
                "本地规定：党群服务需求类别由各地按服务清单确定（如 助老助残、邻里互助、环境整治 等）。"
            ),
            MicroWishRuleDefinitions.WishPriceCapFen.DefaultRule,
            MicroWishRuleDefinitions.PublicWishWall.DefaultRule,
            ServiceHourRuleDefinitions.HalfHourFromMinutes.DefaultRule,
            ServiceHourRuleDefinitions.WholeHourFromMinutes.DefaultRule,
            ServiceHourRuleDefinitions.DailyCapHours.DefaultRule,
            ServiceHourRuleDefinitions.Stars[0].DefaultRule,
            ServiceHourRuleDefinitions.Stars[1].DefaultRule,
            ServiceHourRuleDefinitions.Stars[2].DefaultRule,
            ServiceHourRuleDefinitions.Stars[3].DefaultRule,
            ServiceHourRuleDefinitions.Stars[4].DefaultRule
        );

    protected override IEnumerable<ValidationFailure> ValidateOther(VolunteeringRules section) =>
        OtherRules.Validate(section).Errors;
}

/// <summary>Volunteering's rules that are not single numbers, each present, sourced and in range.</summary>
internal sealed class VolunteeringRulesValidator : AbstractValidator<VolunteeringRules>
{
    public VolunteeringRulesValidator() =>
        RuleFor(d => d.DemandCategories)
            .NotNull()
            .DependentRules(() =>
            {
                RuleFor(d => d.DemandCategories.Items)
                    .NotNull()
                    .Must(i => i is { Count: >= 1 and <= 50 })
                    .WithMessage(_ => Localized.Text("服务类别须有 1 到 50 个。", "There must be 1 to 50 categories."));
                RuleForEach(d => d.DemandCategories.Items).RequiredText().MaximumLength(20);
                RuleFor(d => d.DemandCategories.Items)
                    .Must(i => i is null || i.Distinct(StringComparer.Ordinal).Count() == i.Count)
                    .WithMessage(_ => Localized.Text("服务类别不能重复。", "Categories must be unique."));
                RuleFor(d => d.DemandCategories.Source).RequiredText().MaximumLength(1000);
            });
}

/// <summary>Reads Volunteering's section of the rule set in force for an organization's region.</summary>
internal sealed class VolunteeringRuleSets(IRegionRuleSets ruleSets)
{
    public Task<VolunteeringRules> ForAsync(Guid organizationId, CancellationToken cancellationToken) =>
        ruleSets.SectionAsync<VolunteeringRules>(organizationId, cancellationToken);

    public Task<IReadOnlyDictionary<Guid, VolunteeringRules>> ForAsync(
        IReadOnlyCollection<Guid> organizationIds,
        CancellationToken cancellationToken
    ) => ruleSets.SectionAsync<VolunteeringRules>(organizationIds, cancellationToken);
}
