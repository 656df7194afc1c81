using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Dividends.Domain;

/// <summary>
/// A year's income statement as a form sends it (the record and the check share it). Amounts are yuan with at most
/// two places; grants and land compensation are entered so they are seen to be kept apart, not distributed.
/// </summary>
/// <param name="OperatingIncome">经营收入.</param>
/// <param name="InvestmentIncome">投资收益.</param>
/// <param name="OtherIncome">其他收入 (not grants, not land compensation).</param>
/// <param name="GrantIncome">补助收入 (奖补), kept apart.</param>
/// <param name="LandCompensation">征地补偿款, excluded from distribution.</param>
/// <param name="Costs">经营支出、管理费用和其他支出.</param>
/// <param name="LossesCarried">以前年度亏损 still to make good.</param>
/// <param name="Reserve">提取的公积公益金.</param>
/// <param name="MemberDividends">Planned distribution to members (分红 or 盈余返还).</param>
/// <param name="ByVolumeReturn">A cooperative's return by trading volume (part of MemberDividends).</param>
/// <param name="Notes">Remarks.</param>
internal sealed record IncomeStatementBody(
    Money? OperatingIncome,
    Money? InvestmentIncome,
    Money? OtherIncome,
    Money? GrantIncome,
    Money? LandCompensation,
    Money? Costs,
    Money? LossesCarried,
    Money? Reserve,
    Money? MemberDividends,
    Money? ByVolumeReturn,
    string? Notes
)
{
    public IncomeFigures Figures =>
        new(
            OperatingIncome ?? Money.Zero,
            InvestmentIncome ?? Money.Zero,
            OtherIncome ?? Money.Zero,
            GrantIncome ?? Money.Zero,
            LandCompensation ?? Money.Zero,
            Costs ?? Money.Zero,
            LossesCarried ?? Money.Zero,
            Reserve ?? Money.Zero,
            MemberDividends ?? Money.Zero,
            ByVolumeReturn ?? Money.Zero
        );
}

/// <summary>A rule that bounds the statement, as the form shows it beside the figures.</summary>
internal sealed record IncomeRuleResponse(string Name, string Label, int Value, string Source);

internal sealed record IncomeLimitsResponse(
    Money NetIncome,
    Money AfterLosses,
    Money ReserveMinimum,
    Money Distributable,
    Money DividendMaximum,
    bool DividendShareApplies,
    Money ByVolumeMinimum,
    IReadOnlyList<IncomeRuleResponse> Rules
);

/// <summary>The statement's shape: amounts present where required, none negative, none absurd.</summary>
internal sealed class IncomeStatementBodyValidator : AbstractValidator<IncomeStatementBody>
{
    /// <summary>Ten billion yuan: beyond any village, and far from overflowing the percentage arithmetic.</summary>
    private static readonly Money Largest = Money.FromFen(1_000_000_000_000);

    public IncomeStatementBodyValidator()
    {
        Amount(RuleFor(b => b.OperatingIncome).NotNull());
        Amount(RuleFor(b => b.InvestmentIncome));
        Amount(RuleFor(b => b.OtherIncome));
        Amount(RuleFor(b => b.GrantIncome));
        Amount(RuleFor(b => b.LandCompensation));
        Amount(RuleFor(b => b.Costs).NotNull());
        Amount(RuleFor(b => b.LossesCarried));
        Amount(RuleFor(b => b.Reserve).NotNull());
        Amount(RuleFor(b => b.MemberDividends).NotNull());
        Amount(RuleFor(b => b.ByVolumeReturn));
        RuleFor(b => b.Notes).MaximumLength(500);
    }

    private static void Amount(IRuleBuilder<IncomeStatementBody, Money?> rule) =>
        rule.Must(m => m is null || (m.Value >= Money.Zero && m.Value <= Largest))
            .WithMessage(_ =>
                Localized.Text("金额须在 0 到 100 亿元之间。", "An amount is between 0 and 10 billion yuan.")
            );
}

internal static class IncomeStatements
{
    public static IncomeLimitsResponse Respond(IncomeLimits limits, CollectiveKind kind, DividendRules rules)
    {
        var bounding = new List<(
            Organizations.Contracts.RuleDefinition Definition,
            Organizations.Contracts.NumberRule Rule
        )>
        {
            (DividendRuleSection.ReserveMinPercent, rules.ReserveMinPercent),
            (DividendRuleSection.DividendMaxPercentOfNetIncome, rules.DividendMaxPercentOfNetIncome),
            (DividendRuleSection.DividendCapAboveYuan, rules.DividendCapAboveYuan),
        };
        if (kind == CollectiveKind.BranchLedCooperative)
        {
            bounding.Add((DividendRuleSection.CooperativeByVolumeMinPercent, rules.CooperativeByVolumeMinPercent));
        }
        return new(
            limits.NetIncome,
            limits.AfterLosses,
            limits.ReserveMinimum,
            limits.Distributable,
            limits.DividendMaximum,
            limits.DividendShareApplies,
            limits.ByVolumeMinimum,
            bounding
                .Select(b => new IncomeRuleResponse(b.Definition.Name, b.Definition.Label, b.Rule.Value, b.Rule.Source))
                .ToList()
        );
    }
}

/// <summary>A year's statement as the API answers it: the figures entered and the limits they give.</summary>
internal sealed record IncomeStatementView(
    Guid Id,
    Guid CollectiveId,
    int Year,
    Money OperatingIncome,
    Money InvestmentIncome,
    Money OtherIncome,
    Money GrantIncome,
    Money LandCompensation,
    Money Costs,
    Money LossesCarried,
    Money Reserve,
    Money MemberDividends,
    Money ByVolumeReturn,
    string? Notes,
    IncomeLimitsResponse Limits,
    long Version
)
{
    public const string Columns = """
        id, collective_id, year, operating_income, investment_income, other_income, grant_income, land_compensation,
        costs, losses_carried, reserve, member_dividends, by_volume_return, notes, version
        """;
}

/// <summary>A stored statement; the limits are computed from it and the rules in force, never stored.</summary>
internal sealed record IncomeStatementRow
{
    public Guid Id { get; init; }
    public Guid CollectiveId { get; init; }
    public int Year { get; init; }
    public Money OperatingIncome { get; init; }
    public Money InvestmentIncome { get; init; }
    public Money OtherIncome { get; init; }
    public Money GrantIncome { get; init; }
    public Money LandCompensation { get; init; }
    public Money Costs { get; init; }
    public Money LossesCarried { get; init; }
    public Money Reserve { get; init; }
    public Money MemberDividends { get; init; }
    public Money ByVolumeReturn { get; init; }
    public string? Notes { get; init; }
    public long Version { get; init; }

    public IncomeStatementView ToView(CollectiveKind kind, DividendRules rules)
    {
        var figures = new IncomeFigures(
            OperatingIncome,
            InvestmentIncome,
            OtherIncome,
            GrantIncome,
            LandCompensation,
            Costs,
            LossesCarried,
            Reserve,
            MemberDividends,
            ByVolumeReturn
        );
        return new(
            Id,
            CollectiveId,
            Year,
            OperatingIncome,
            InvestmentIncome,
            OtherIncome,
            GrantIncome,
            LandCompensation,
            Costs,
            LossesCarried,
            Reserve,
            MemberDividends,
            ByVolumeReturn,
            Notes,
            IncomeStatements.Respond(IncomeRules.Limits(figures, kind, rules), kind, rules),
            Version
        );
    }
}
