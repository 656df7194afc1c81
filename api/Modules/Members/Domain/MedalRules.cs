namespace Jiceng.Modules.Members.Domain;

/// <summary>
/// 光荣在党50年: the medal goes to members whose party standing reaches 50 years by 1 July (七一) of the year;
/// standing counts from the day of conversion. Pure functions, tested at their boundaries.
/// </summary>
internal static class MedalRules
{
    public const string Source =
        "中共中央决定，自2021年起每年“七一”前夕向党龄达到50周年的党员颁发“光荣在党50年”纪念章；"
        + "党龄自预备期满转为正式党员之日算起（党章第七条）。";

    /// <summary>The first year the medal was given.</summary>
    public const int FirstYear = 2021;

    public const int StandingYears = 50;

    /// <summary>The day the year's standing is counted on: 1 July.</summary>
    public static DateOnly CountedOn(int year) => new(year, 7, 1);

    /// <summary>Converted on or before this day: 50 years of standing on 1 July of the year.</summary>
    public static DateOnly ConvertedBy(int year) => CountedOn(year).AddYears(-StandingYears);

    public static bool IsDue(DateOnly fullMemberOn, int year) => fullMemberOn <= ConvertedBy(year);

    /// <summary>Reaches the 50 years this year (due now, not a year ago): the year's new names.</summary>
    public static bool IsNewlyDue(DateOnly fullMemberOn, int year) =>
        IsDue(fullMemberOn, year) && !IsDue(fullMemberOn, year - 1);

    /// <summary>The first year whose 1 July finds 50 years of standing.</summary>
    public static int FirstYearDue(DateOnly fullMemberOn)
    {
        var year = fullMemberOn.Year + StandingYears;
        return IsDue(fullMemberOn, year) ? year : year + 1;
    }
}
