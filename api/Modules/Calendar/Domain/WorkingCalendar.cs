using Jiceng.Infrastructure.Database;
using Jiceng.Modules.Calendar.Contracts;

namespace Jiceng.Modules.Calendar.Domain;

/// <summary>
/// The working calendar other modules count through: reads the years a question touches (one statement each for the
/// years and their listed days) on the request's session, then answers with <see cref="WorkingDayRules"/>.
/// </summary>
internal sealed class WorkingCalendar(DbSession db) : IWorkingCalendar
{
    private const string YearsSql = "SELECT year FROM calendar_years WHERE year >= @first AND year <= @last";

    private const string LatestYearSql = "SELECT MAX(year) FROM calendar_years";

    private const string DaysSql = """
        SELECT day, kind FROM calendar_days WHERE day >= @from AND day <= @to
        """;

    // A period of working days ends within a few weeks; two calendar years always hold it (the notice-day limits
    // are at most 60 working days), and a longer one past them is the missing-year refusal, not a silent guess.
    private const int YearsAhead = 1;

    public async Task<int> CountWorkingDaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (to < from)
        {
            return 0;
        }
        var rules = await LoadAsync(from.Year, to.Year, cancellationToken);
        return rules.Count(from, to);
    }

    public async Task<DateOnly> EndOfPeriodAsync(DateOnly from, int workingDays, CancellationToken cancellationToken)
    {
        var rules = await LoadAsync(from.Year, from.Year + YearsAhead, cancellationToken);
        return rules.EndOfPeriod(from, workingDays);
    }

    public async Task<DateOnly?> LastDayCoveredAsync(CancellationToken cancellationToken) =>
        await db.ExecuteScalarAsync<int?>(LatestYearSql, null, cancellationToken) is { } year
            ? new DateOnly(year, 12, 31)
            : null;

    private async Task<WorkingDayRules> LoadAsync(int firstYear, int lastYear, CancellationToken cancellationToken)
    {
        var years = (
            await db.QueryAsync<int>(YearsSql, new { first = firstYear, last = lastYear }, cancellationToken)
        ).ToHashSet();
        var days = await db.QueryAsync<DayRow>(
            DaysSql,
            new { from = new DateOnly(firstYear, 1, 1), to = new DateOnly(lastYear, 12, 31) },
            cancellationToken
        );
        return new WorkingDayRules(years, days.ToDictionary(d => d.Day, d => d.Kind));
    }

    private sealed record DayRow
    {
        public DateOnly Day { get; init; }
        public CalendarDayKind Kind { get; init; }
    }
}
