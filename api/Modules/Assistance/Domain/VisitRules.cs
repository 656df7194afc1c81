using System.Globalization;
using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Assistance.Domain;

/// <summary>The two holidays before which members are visited (走访慰问).</summary>
internal enum VisitOccasion
{
    [Label("春节", "Spring Festival")]
    SpringFestival,

    [Label("七一", "1 July")]
    PartyAnniversary,
}

/// <summary>Why someone is on a visit list; one person may be there for several reasons.</summary>
[Flags]
internal enum VisitReason
{
    [Label("无", "None")]
    None = 0,

    [Label("困难党员", "In hardship")]
    InHardship = 1,

    [Label("党龄50年以上", "50 years' standing")]
    LongStanding = 2,

    [Label("80岁以上", "Aged 80 and over")]
    Elderly = 4,

    [Label("烈士家属", "Family of a martyr")]
    MartyrFamily = 8,
}

/// <summary>
/// Holiday visits: the occasion's day, the days before it when visits are made, and who is due one. Pure
/// functions, tested at their boundaries; the numbers are the region's (local, in the rule set's assistance section).
/// </summary>
internal static class VisitRules
{
    public const string Source =
        "《中国共产党党内关怀帮扶办法》：在元旦、春节和“七一”前后，各级党组织对生活困难党员、老党员等开展走访慰问；"
        + "鸡西市“党内温暖”工程：走访慰问、“1+N”结对帮扶、困难党员动态台账。"
        + "80岁以上、党龄50年以上为本系统的地方示例，非文章原文。";

    public const int DefaultElderlyAge = 80;

    public const int DefaultStandingYears = 50;

    public const int DefaultWindowDays = 30;

    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>The occasion's day in the year: 正月初一 of the lunar year that begins in it, or 1 July.</summary>
    public static DateOnly DayOf(VisitOccasion occasion, int year) =>
        occasion switch
        {
            VisitOccasion.SpringFestival => DateOnly.FromDateTime(Lunar.ToDateTime(year, 1, 1, 0, 0, 0, 0)),
            _ => new DateOnly(year, 7, 1),
        };

    /// <summary>The first day visits for the occasion count: <paramref name="windowDays"/> days before it.</summary>
    public static DateOnly WindowOpens(DateOnly occasionDay, int windowDays) => occasionDay.AddDays(-windowDays);

    /// <summary>A visit made in the window (from its first day through the occasion's day) counts as on time.</summary>
    public static bool OnTime(DateOnly visitedOn, DateOnly occasionDay, int windowDays) =>
        visitedOn >= WindowOpens(occasionDay, windowDays) && visitedOn <= occasionDay;

    /// <summary>Not visited and the occasion has passed: overdue.</summary>
    public static bool Overdue(DateOnly? visitedOn, DateOnly occasionDay, DateOnly today) =>
        visitedOn is null && today > occasionDay;

    /// <summary>Why a member is due a visit on the occasion's day (None: not due).</summary>
    public static VisitReason ReasonsFor(
        bool inHardship,
        int age,
        int? standingYears,
        int elderlyAge,
        int longStandingYears
    ) =>
        (inHardship ? VisitReason.InHardship : VisitReason.None)
        | (age >= elderlyAge ? VisitReason.Elderly : VisitReason.None)
        | (standingYears >= longStandingYears ? VisitReason.LongStanding : VisitReason.None);

    /// <summary>The reasons by API name, for lists and exports.</summary>
    public static IReadOnlyList<VisitReason> Split(VisitReason reasons) =>
        Enum.GetValues<VisitReason>().Where(r => r != VisitReason.None && reasons.HasFlag(r)).ToList();
}

/// <summary>
/// 1+N pairings and the dynamic ledger's recheck: how long a pair may go without a help log before it is listed,
/// and when a member in hardship is due the yearly recheck. Pure functions, tested at their boundaries.
/// </summary>
internal static class CareRules
{
    public const string PairingSource =
        "鸡西市“党内温暖”工程：在职党员到社区报到，与困难党员结成“1+N”帮扶对子，经常性开展帮扶；"
        + "三个月无帮扶记录即列出提醒，为本系统的地方示例。";

    public const string RecheckSource = "鸡西市建立帮扶困难党员动态台账；每年复核一次困难情况为本系统的地方示例。";

    public const int DefaultStaleMonths = 3;

    public const int DefaultRecheckMonths = 12;

    /// <summary>
    /// A pair is stale when its last help log (or its start, when none) is on or before the cutoff: a log on 15 March
    /// is stale from 15 June with three months. Said as a cutoff so a list's SQL applies the same comparison.
    /// </summary>
    public static bool IsStale(DateOnly startedOn, DateOnly? lastHelpOn, DateOnly today, int months) =>
        LastActivity(startedOn, lastHelpOn) <= StaleCutoff(today, months);

    /// <summary>Pairs whose last activity is on or before this day are stale.</summary>
    public static DateOnly StaleCutoff(DateOnly today, int months) => today.AddMonths(-months);

    /// <summary>The later of the start and the last help log (a log before the start does not age the pair).
    /// </summary>
    public static DateOnly LastActivity(DateOnly startedOn, DateOnly? lastHelpOn) =>
        lastHelpOn is { } last && last > startedOn ? last : startedOn;

    /// <summary>
    /// The recheck is due once <paramref name="months"/> months have passed since the last one (or since the member
    /// entered the register, when never rechecked).
    /// </summary>
    public static DateOnly RecheckDueOn(DateOnly since, DateOnly? lastCheckedOn, int months) =>
        (lastCheckedOn is { } last && last > since ? last : since).AddMonths(months);

    public static bool RecheckDue(DateOnly since, DateOnly? lastCheckedOn, DateOnly today, int months) =>
        today >= RecheckDueOn(since, lastCheckedOn, months);
}
