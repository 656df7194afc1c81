using Jiceng.Infrastructure.Http;

namespace Jiceng.Modules.Dividends.Domain;

/// <summary>The income statement's refusals: each local limit broken, with the figure entered, the bound and the rule.
/// </summary>
internal static partial class DividendsErrors
{
    public static BusinessRuleException IncomeYearExists(int year) =>
        new(
            "income_year_exists",
            $"{year} 年度的收益表已存在；修改时请带上 If-Match。",
            $"The income statement of {year} already exists; send If-Match to change it.",
            new Dictionary<string, object?> { ["year"] = year }
        );

    public static BusinessRuleException IncomeLimit(IncomeBreach breach)
    {
        var (chinese, english) = breach.Code switch
        {
            "reserve_below_minimum" => (
                $"提取的公积公益金 {breach.Entered} 元低于本地规定的最低额 {breach.Bound} 元。",
                $"Reserves of {breach.Entered} yuan are below the local minimum of {breach.Bound} yuan."
            ),
            "reserve_above_income" => (
                $"提取的公积公益金 {breach.Entered} 元超过弥补亏损后的净收益 {breach.Bound} 元。",
                $"Reserves of {breach.Entered} yuan exceed the net income after losses, {breach.Bound} yuan."
            ),
            "dividends_above_distributable" => (
                $"成员分配 {breach.Entered} 元超过可分配收益 {breach.Bound} 元：不得举债分配。",
                $"Member distributions of {breach.Entered} yuan exceed the distributable {breach.Bound} yuan: "
                    + "nothing may be distributed from borrowing."
            ),
            "dividends_above_share" => (
                $"成员分红 {breach.Entered} 元超过本地规定的上限 {breach.Bound} 元（按当年净收益的比例）。",
                $"Member dividends of {breach.Entered} yuan exceed the local limit of {breach.Bound} yuan "
                    + "(a share of the year's net income)."
            ),
            "by_volume_below_minimum" => (
                $"按交易量（额）返还 {breach.Entered} 元低于可分配盈余的 60%（{breach.Bound} 元）。",
                $"The return by trading volume of {breach.Entered} yuan is below 60% of the distributable surplus "
                    + $"({breach.Bound} yuan)."
            ),
            "by_volume_above_dividends" => (
                $"按交易量（额）返还 {breach.Entered} 元超过成员分配总额 {breach.Bound} 元。",
                $"The return by trading volume of {breach.Entered} yuan exceeds the member distributions of "
                    + $"{breach.Bound} yuan."
            ),
            _ => (
                "股份经济合作社按股份分配，不按交易量（额）返还。",
                "A stock cooperative distributes by shares, not by trading volume."
            ),
        };
        return new(
            breach.Code,
            chinese,
            english,
            new Dictionary<string, object?>
            {
                ["field"] = breach.Field,
                ["entered"] = breach.Entered.Yuan,
                ["bound"] = breach.Bound.Yuan,
                ["rule"] = breach.Rule,
                ["source"] = breach.Source,
            }
        );
    }
}
