using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Volunteering.Domain;

/// <summary>
/// The service-hour rules of the <c>volunteering</c> section: rounding, the daily cap and the star thresholds, all
/// local (《志愿服务记录办法》 gives the national star levels; places set their own, and their own rounding). The
/// bounds do not overlap (half an hour from 1–29 minutes, a whole hour from 30–59; each star's range above the one
/// below), so any values a region may save are in order without a rule across rules.
/// </summary>
internal static class ServiceHourRuleDefinitions
{
    public static readonly RuleDefinition HalfHourFromMinutes = RuleDefinition.Regional(
        "halfHourFromMinutes",
        "不足 1 小时部分计半小时的起点（分钟）",
        "Part-hour counted as half an hour from (minutes)",
        15,
        1,
        29,
        ServiceHourRules.RoundingSource
    );

    public static readonly RuleDefinition WholeHourFromMinutes = RuleDefinition.Regional(
        "wholeHourFromMinutes",
        "不足 1 小时部分计 1 小时的起点（分钟）",
        "Part-hour counted as a whole hour from (minutes)",
        45,
        30,
        59,
        ServiceHourRules.RoundingSource
    );

    public static readonly RuleDefinition DailyCapHours = RuleDefinition.Regional(
        "dailyCapHours",
        "每人每日服务时长上限（小时）",
        "Service hours per person per day at most",
        8,
        1,
        24,
        ServiceHourRules.DailyCapSource
    );

    public static readonly IReadOnlyList<RuleDefinition> Stars =
    [
        Star("oneStarHours", "一星", "One star", 100, 1, 200),
        Star("twoStarHours", "二星", "Two stars", 300, 201, 450),
        Star("threeStarHours", "三星", "Three stars", 600, 451, 800),
        Star("fourStarHours", "四星", "Four stars", 1000, 801, 1200),
        Star("fiveStarHours", "五星", "Five stars", 1500, 1201, 100_000),
    ];

    private static RuleDefinition Star(string name, string chinese, string english, int hours, int min, int max) =>
        RuleDefinition.Regional(
            name,
            $"{chinese}级志愿者累计时长（小时）",
            $"{english}: hours served in total",
            hours,
            min,
            max,
            ServiceHourRules.StarSource
        );
}
