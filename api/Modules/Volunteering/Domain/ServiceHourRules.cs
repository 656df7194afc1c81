namespace Jiceng.Modules.Volunteering.Domain;

/// <summary>
/// Service hours (DOMAIN.md §3): time served is counted inside the activity's scheduled window only (credited time
/// is at most the scheduled time), rounded by the region's rule, capped per day, and one person's sessions never
/// overlap. Hours are kept as whole half-hours, so no floating point reaches a sum or a threshold.
/// Pure functions, tested at every boundary minute.
/// </summary>
internal static class ServiceHourRules
{
    public const string RecordSource =
        "民政部《志愿服务记录办法》：志愿服务记录应当如实记载志愿者的服务时间，服务时间以小时为计量单位，"
        + "是指志愿者实际提供志愿服务的时间，不含往返交通时间；谁组织谁记录。";

    public const string RoundingSource =
        "本地规定：每次服务不足 1 小时的部分，不足 15 分钟不计，15 分钟以上不足 45 分钟计半小时，"
        + "45 分钟以上计 1 小时。";

    public const string DailyCapSource = "本地规定：同一志愿者一天累计记录的服务时间不超过 8 小时。";

    public const string StarSource =
        "民政部《志愿服务记录办法》第十八条：志愿服务时间累计达到 100 小时、300 小时、600 小时、1000 小时和"
        + " 1500 小时的志愿者，可以依次认定为一星级、二星级、三星级、四星级和五星级志愿者（各地标准不一）。";

    public const string CertificateSource =
        "民政部《志愿服务记录与证明出具办法（试行）》（2021）：志愿服务组织根据志愿服务记录出具志愿服务证明，"
        + "谁记录谁证明；证明载明志愿者姓名、服务时长等信息，并可供查验。";

    public const string LateEntrySource =
        "《志愿服务记录与证明出具办法（试行）》：谁组织谁记录、谁记录谁证明；事后补录的服务记录须经组织者审核。";

    /// <summary>Minutes of the window [start, end) that the check-in/out interval covers (never negative).</summary>
    public static int ServedMinutesWithin(
        DateTimeOffset checkIn,
        DateTimeOffset checkOut,
        DateTimeOffset scheduledStart,
        DateTimeOffset scheduledEnd
    )
    {
        var from = checkIn > scheduledStart ? checkIn : scheduledStart;
        var to = checkOut < scheduledEnd ? checkOut : scheduledEnd;
        return to <= from ? 0 : (int)Math.Floor((to - from).TotalMinutes);
    }

    /// <summary>
    /// Served minutes as half-hours: whole hours count twice; the rest is nothing below
    /// <paramref name="halfFromMinutes"/>, half an hour below <paramref name="wholeFromMinutes"/>, else an hour.
    /// </summary>
    public static int RoundToHalfHours(int minutes, int halfFromMinutes, int wholeFromMinutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        var rest = minutes % 60;
        var part =
            rest >= wholeFromMinutes ? 2
            : rest >= halfFromMinutes ? 1
            : 0;
        return minutes / 60 * 2 + part;
    }

    /// <summary>What a session may add to a day already holding <paramref name="creditedThatDay"/> half-hours.
    /// </summary>
    public static int CapToDay(int halfHours, int creditedThatDay, int dailyCapHours) =>
        Math.Clamp(dailyCapHours * 2 - creditedThatDay, 0, halfHours);

    /// <summary>The credited half-hours of one session: inside the window, rounded, capped for the day.</summary>
    public static int Credit(
        DateTimeOffset checkIn,
        DateTimeOffset checkOut,
        DateTimeOffset scheduledStart,
        DateTimeOffset scheduledEnd,
        int creditedThatDay,
        ServiceHourSettings settings
    ) =>
        CapToDay(
            RoundToHalfHours(
                ServedMinutesWithin(checkIn, checkOut, scheduledStart, scheduledEnd),
                settings.HalfHourFromMinutes,
                settings.WholeHourFromMinutes
            ),
            creditedThatDay,
            settings.DailyCapHours
        );

    /// <summary>Two half-open intervals [a, b) and [c, d) share time: back-to-back sessions do not overlap.</summary>
    public static bool Overlaps(
        DateTimeOffset aStart,
        DateTimeOffset aEnd,
        DateTimeOffset bStart,
        DateTimeOffset bEnd
    ) => aStart < bEnd && bStart < aEnd;

    /// <summary>
    /// The star level (0 = none, 1 = 一星 … 5 = 五星) of a total in half-hours against thresholds in hours, counted
    /// in order: a level needs every level below it, so thresholds out of order never skip a level.
    /// </summary>
    public static int StarLevel(int totalHalfHours, IReadOnlyList<int> thresholdHours)
    {
        var level = 0;
        foreach (var hours in thresholdHours)
        {
            if (totalHalfHours < hours * 2)
            {
                break;
            }
            level++;
        }
        return level;
    }

    /// <summary>The hours of a half-hour count, as shown and exported (e.g. 99.5).</summary>
    public static decimal Hours(int halfHours) => halfHours / 2m;
}

/// <summary>The region's rounding, daily cap and star thresholds, as read from the rule set.</summary>
internal sealed record ServiceHourSettings(
    int HalfHourFromMinutes,
    int WholeHourFromMinutes,
    int DailyCapHours,
    IReadOnlyList<int> StarThresholdHours
)
{
    public static ServiceHourSettings Default { get; } = new(15, 45, 8, [100, 300, 600, 1000, 1500]);
}
