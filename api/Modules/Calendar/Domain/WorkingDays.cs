using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Calendar.Domain;

/// <summary>What the notice says of a date: a holiday (放假) or a weekend day made a working day (调休上班).</summary>
internal enum CalendarDayKind
{
    [Label("放假", "Holiday")]
    Holiday,

    [Label("调休上班", "Make-up working day")]
    WorkingDay,
}

/// <summary>
/// The pure rule: a day is a working day when the notice makes it one (调休), else when it is Monday to Friday and
/// no holiday. Only dates in the years given may be asked about; any other is the 409 naming its year.
/// </summary>
internal sealed class WorkingDayRules(IReadOnlySet<int> years, IReadOnlyDictionary<DateOnly, CalendarDayKind> days)
{
    public const string Source =
        "工作日按国务院办公厅每年发布的《关于××年部分节假日安排的通知》计算：法定节假日及调休放假日不计，"
        + "调休上班的周六、周日计入。";

    public bool IsWorkingDay(DateOnly day)
    {
        if (!years.Contains(day.Year))
        {
            throw CalendarErrors.YearMissing(day.Year);
        }
        return days.TryGetValue(day, out var kind)
            ? kind == CalendarDayKind.WorkingDay
            : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>Working days between two dates, both included; none when the end is before the start.</summary>
    public int Count(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            count += IsWorkingDay(day) ? 1 : 0;
        }
        return count;
    }

    /// <summary>
    /// The last day of a period of <paramref name="workingDays"/> working days starting on <paramref name="from"/>.
    /// </summary>
    public DateOnly EndOfPeriod(DateOnly from, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var day = from;
        var counted = IsWorkingDay(day) ? 1 : 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            counted += IsWorkingDay(day) ? 1 : 0;
        }
        return day;
    }
}
