using Jiceng.Infrastructure.Database;
using Mediator;

namespace Jiceng.Modules.Calendar.ListCalendarYears;

/// <summary>A year that has a calendar, with how many dates it lists.</summary>
internal sealed record CalendarYearSummary(
    int Year,
    string Notice,
    int HolidayCount,
    int WorkingDayCount,
    DateTimeOffset UpdatedAt,
    long Version
);

/// <summary>Every year with a calendar, newest first: a few dozen rows at most, so one page holds them all.</summary>
internal sealed record ListCalendarYearsQuery : IQuery<Paged<CalendarYearSummary>>;

internal sealed class ListCalendarYearsHandler(DbSession db)
    : IQueryHandler<ListCalendarYearsQuery, Paged<CalendarYearSummary>>
{
    private const string YearsSql = """
        SELECT y.year, y.notice, y.updated_at, y.version,
               (SELECT COUNT(*) FROM calendar_days d WHERE d.year = y.year AND d.kind = 'Holiday') AS holiday_count,
               (SELECT COUNT(*) FROM calendar_days d WHERE d.year = y.year AND d.kind = 'WorkingDay')
                   AS working_day_count
        FROM calendar_years y
        ORDER BY y.year DESC
        """;

    public async ValueTask<Paged<CalendarYearSummary>> Handle(
        ListCalendarYearsQuery query,
        CancellationToken cancellationToken
    )
    {
        var rows = await db.QueryAsync<Row>(YearsSql, null, cancellationToken);
        var items = rows.Select(r => new CalendarYearSummary(
                r.Year,
                r.Notice,
                (int)r.HolidayCount,
                (int)r.WorkingDayCount,
                r.UpdatedAt,
                r.Version
            ))
            .ToList();
        return new Paged<CalendarYearSummary>(items, items.Count, 1, Math.Max(items.Count, 1));
    }

    private sealed record Row
    {
        public int Year { get; init; }
        public string Notice { get; init; } = "";
        public long HolidayCount { get; init; }
        public long WorkingDayCount { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public long Version { get; init; }
    }
}
