using Jiceng.Infrastructure.Database;
using Jiceng.Modules.Calendar.Domain;
using Mediator;

namespace Jiceng.Modules.Calendar.GetCalendarYear;

internal sealed record GetCalendarYearQuery(int Year) : IQuery<CalendarYearResponse>;

internal sealed class GetCalendarYearHandler(DbSession db) : IQueryHandler<GetCalendarYearQuery, CalendarYearResponse>
{
    public async ValueTask<CalendarYearResponse> Handle(
        GetCalendarYearQuery query,
        CancellationToken cancellationToken
    ) => await CalendarYears.LoadAsync(db, query.Year, cancellationToken);
}
