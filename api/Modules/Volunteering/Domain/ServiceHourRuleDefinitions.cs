using FluentValidation.Results;
using Jiceng.Infrastructure;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Volunteering.Domain;

/// <summary>
/// The service-hour rules of the <c>volunteering</c> section: rounding, the daily cap and the star thresholds, all
/// local (《志愿服务记录办法》 gives the national star levels; places set their own, and their own rounding).
/// </summary>
internal static class ServiceHourRuleDefinitions
{
    public static readonly RuleDefinition HalfHourFromMinutes = RuleDefinition.Regional(
        "halfHourFromMinutes",
        "不足 1 小时部分计半小时的起点（分钟）",
        "Part-hour counted as half an hour from (minutes)",
        15,
        1,
        30,
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
        Star("oneStarHours", "一星", "One star", 100),
        Star("twoStarHours", "二星", "Two stars", 300),
        Star("threeStarHours", "三星", "Three stars", 600),
        Star("fourStarHours", "四星", "Four stars", 1000),
        Star("fiveStarHours", "五星", "Five stars", 1500),
    ];

    private static RuleDefinition Star(string name, string chinese, string english, int hours) =>
        RuleDefinition.Regional(
            name,
            $"{chinese}级志愿者累计时长（小时）",
            $"{english}: hours served in total",
            hours,
            1,
            100_000,
            ServiceHourRules.StarSource
        );

    /// <summary>Rounding bounds in order and thresholds rising, so every level can be reached in turn.</summary>
    public static IEnumerable<ValidationFailure> Validate(VolunteeringRules rules)
    {
        if (rules.HalfHourFromMinutes.Value >= rules.WholeHourFromMinutes.Value)
        {
            yield return new ValidationFailure(
                "wholeHourFromMinutes.value",
                Localized.Text(
                    "计 1 小时的起点须晚于计半小时的起点。",
                    "The whole-hour start must come after the half-hour start."
                )
            );
        }
        var thresholds = rules.Hours.StarThresholdHours;
        for (var i = 1; i < thresholds.Count; i++)
        {
            if (thresholds[i] <= thresholds[i - 1])
            {
                yield return new ValidationFailure(
                    $"{Stars[i].Name}.value",
                    Localized.Text(
                        $"{Stars[i].Chinese}须多于{Stars[i - 1].Chinese}。",
                        $"{Stars[i].English} must exceed {Stars[i - 1].English}."
                    )
                );
            }
        }
    }
}
