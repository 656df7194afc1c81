using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;

namespace Jiceng.Modules.Calendar.Domain;

/// <summary>One listed date of a year's calendar and what the notice calls it (春节, 国庆节调休, …).</summary>
internal sealed record CalendarDay(DateOnly On, string Name);

/// <summary>A year's calendar as answered: the notice it follows, its holidays and its make-up working days.</summary>
internal sealed record CalendarYearResponse(
    int Year,
    string Notice,
    IReadOnlyList<CalendarDay> Holidays,
    IReadOnlyList<CalendarDay> WorkingDays,
    DateTimeOffset UpdatedAt,
    long Version
);

internal static class CalendarYears
{
    /// <summary>The first year with an official calendar here; no notice period counted now reaches back further.
    /// </summary>
    public const int FirstYear = 2020;

    private const string YearSql = "SELECT year, notice, updated_at, version FROM calendar_years WHERE year = @year";

    private const string DaysSql = """
        SELECT day, kind, name FROM calendar_days WHERE year = @year ORDER BY day
        """;

    public static async Task<CalendarYearResponse> LoadAsync(
        DbSession db,
        int year,
        CancellationToken cancellationToken
    )
    {
        var row =
            await db.QuerySingleOrDefaultAsync<YearRow>(YearSql, new { year }, cancellationToken)
            ?? throw new NotFoundException("CalendarYear");
        var days = await db.QueryAsync<DayRow>(DaysSql, new { year }, cancellationToken);
        return new CalendarYearResponse(
            row.Year,
            row.Notice,
            days.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => new CalendarDay(d.Day, d.Name)).ToList(),
            days.Where(d => d.Kind == CalendarDayKind.WorkingDay).Select(d => new CalendarDay(d.Day, d.Name)).ToList(),
            row.UpdatedAt,
            row.Version
        );
    }

    private sealed record YearRow
    {
        public int Year { get; init; }
        public string Notice { get; init; } = "";
        public DateTimeOffset UpdatedAt { get; init; }
        public long Version { get; init; }
    }

    private sealed record DayRow
    {
        public DateOnly Day { get; init; }
        public CalendarDayKind Kind { get; init; }
        public string Name { get; init; } = "";
    }
}
