namespace Jiceng.Modules.Calendar.Contracts;

/// <summary>
/// Working days as the State Council's yearly holiday notice sets them (holidays off, 调休 weekend days on), for
/// every notice period and deadline counted in working days. A date in a year with no calendar entered is a 409
/// <c>calendar_year_missing</c> naming the year, never a guess from the week.
/// </summary>
public interface IWorkingCalendar
{
    /// <summary>
    /// Working days from <paramref name="from"/> to <paramref name="to"/>, both included (0 when to &lt; from).
    /// </summary>
    Task<int> CountWorkingDaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>
    /// The day a period of <paramref name="workingDays"/> working days that starts on <paramref name="from"/> ends:
    /// the last of them (a start that is no working day does not count). At least 1.
    /// </summary>
    Task<DateOnly> EndOfPeriodAsync(DateOnly from, int workingDays, CancellationToken cancellationToken);

    /// <summary>The last day of the latest year entered (31 December), or null when no year is.</summary>
    Task<DateOnly?> LastDayCoveredAsync(CancellationToken cancellationToken);
}
