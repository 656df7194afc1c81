using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Dividends.Domain;

/// <summary>A year's income statement as entered (amounts in 分).</summary>
internal sealed record IncomeFigures(
    Money OperatingIncome,
    Money InvestmentIncome,
    Money OtherIncome,
    Money GrantIncome,
    Money LandCompensation,
    Money Costs,
    Money LossesCarried,
    Money Reserve,
    Money MemberDividends,
    Money ByVolumeReturn
);

/// <summary>What the statement allows: each figure with the rule that bounds it.</summary>
internal sealed record IncomeLimits(
    Money NetIncome,
    Money AfterLosses,
    Money ReserveMinimum,
    Money Distributable,
    Money DividendMaximum,
    bool DividendShareApplies,
    Money ByVolumeMinimum
);

/// <summary>One limit the statement breaks: the refusal's code, the figure entered and the bound.</summary>
internal sealed record IncomeBreach(string Code, string Field, Money Entered, Money Bound, string Rule, string Source);

/// <summary>
/// DOMAIN.md §4: distributable = net income − losses carried − reserves (公积公益金, at least the region's percentage
/// of what is left after losses); member dividends at most the region's share of net income once net income exceeds
/// its threshold; a branch-led cooperative returns at least 60% of distributable surplus by trading volume; nothing
/// is distributed beyond the distributable amount, so nothing is funded by borrowing. Grants are kept apart and land
/// compensation is excluded: neither enters net income. Percentages round toward the member: a minimum reserve and
/// a minimum by-volume return round up to the 分, a maximum dividend rounds down.
/// </summary>
internal static class IncomeRules
{
    public static Money NetIncome(IncomeFigures f) => f.OperatingIncome + f.InvestmentIncome + f.OtherIncome - f.Costs;

    public static IncomeLimits Limits(IncomeFigures f, CollectiveKind kind, DividendRules rules)
    {
        var net = NetIncome(f);
        var afterLosses = Money.FromFen(Math.Max(0, (net - f.LossesCarried).Fen));
        var reserveMinimum = PercentUp(afterLosses, rules.ReserveMinPercent.Value);
        var distributable = Money.FromFen(Math.Max(0, (afterLosses - f.Reserve).Fen));
        var shareApplies = net.Fen > rules.DividendCapAboveYuan.Value * 100L;
        var dividendMaximum = shareApplies
            ? Money.FromFen(
                Math.Min(distributable.Fen, PercentDown(net, rules.DividendMaxPercentOfNetIncome.Value).Fen)
            )
            : distributable;
        var byVolumeMinimum =
            kind == CollectiveKind.BranchLedCooperative
                ? PercentUp(distributable, rules.CooperativeByVolumeMinPercent.Value)
                : Money.Zero;
        return new(net, afterLosses, reserveMinimum, distributable, dividendMaximum, shareApplies, byVolumeMinimum);
    }

    /// <summary>Every limit the statement breaks, in the order a person fixes them (reserve first).</summary>
    public static IReadOnlyList<IncomeBreach> Breaches(IncomeFigures f, CollectiveKind kind, DividendRules rules)
    {
        var limits = Limits(f, kind, rules);
        var breaches = new List<IncomeBreach>();
        if (f.Reserve < limits.ReserveMinimum)
        {
            breaches.Add(
                new(
                    "reserve_below_minimum",
                    "reserve",
                    f.Reserve,
                    limits.ReserveMinimum,
                    DividendRuleSection.ReserveMinPercent.Name,
                    rules.ReserveMinPercent.Source
                )
            );
        }
        if (f.Reserve > limits.AfterLosses && f.Reserve > limits.ReserveMinimum)
        {
            // A reserve larger than what is left is money that does not exist.
            breaches.Add(
                new("reserve_above_income", "reserve", f.Reserve, limits.AfterLosses, "netIncome", NetIncomeSource)
            );
        }
        if (f.MemberDividends > limits.Distributable)
        {
            breaches.Add(
                new(
                    "dividends_above_distributable",
                    "memberDividends",
                    f.MemberDividends,
                    limits.Distributable,
                    "distributable",
                    NoBorrowingSource
                )
            );
        }
        else if (f.MemberDividends > limits.DividendMaximum)
        {
            breaches.Add(
                new(
                    "dividends_above_share",
                    "memberDividends",
                    f.MemberDividends,
                    limits.DividendMaximum,
                    DividendRuleSection.DividendMaxPercentOfNetIncome.Name,
                    rules.DividendMaxPercentOfNetIncome.Source
                )
            );
        }
        if (kind == CollectiveKind.BranchLedCooperative)
        {
            if (f.ByVolumeReturn < limits.ByVolumeMinimum)
            {
                breaches.Add(
                    new(
                        "by_volume_below_minimum",
                        "byVolumeReturn",
                        f.ByVolumeReturn,
                        limits.ByVolumeMinimum,
                        DividendRuleSection.CooperativeByVolumeMinPercent.Name,
                        rules.CooperativeByVolumeMinPercent.Source
                    )
                );
            }
            else if (f.ByVolumeReturn > f.MemberDividends)
            {
                breaches.Add(
                    new(
                        "by_volume_above_dividends",
                        "byVolumeReturn",
                        f.ByVolumeReturn,
                        f.MemberDividends,
                        "memberDividends",
                        CooperativeSplitSource
                    )
                );
            }
        }
        else if (f.ByVolumeReturn.Fen != 0)
        {
            breaches.Add(
                new(
                    "by_volume_only_for_cooperatives",
                    "byVolumeReturn",
                    f.ByVolumeReturn,
                    Money.Zero,
                    "kind",
                    CooperativeSplitSource
                )
            );
        }
        return breaches;
    }

    public const string NoBorrowingSource =
        "集体经济组织收益分配坚持“有收益才分配”，不得举债分配：成员分配额不得超过可分配收益"
        + "（当年净收益弥补以前年度亏损、提取公积公益金后的余额）。";

    public const string NetIncomeSource =
        "当年净收益 = 经营收入 + 投资收益 + 其他收入 − 各项支出；补助收入单独核算，征地补偿款不参与分配。";

    public const string CooperativeSplitSource =
        "《中华人民共和国农民专业合作社法》第四十四条：可分配盈余按交易量（额）比例返还后的剩余部分，"
        + "按成员账户中记载的出资额和公积金份额等比例分配；股份经济合作社按股份分配，不按交易量返还。";

    private static Money PercentUp(Money amount, int percent) => Money.FromFen((amount.Fen * percent + 99) / 100);

    private static Money PercentDown(Money amount, int percent) => Money.FromFen(amount.Fen * percent / 100);
}
