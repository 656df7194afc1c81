using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Calendar.ListCalendarYears;

internal static class ListCalendarYearsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/",
                async Task<Ok<Paged<CalendarYearSummary>>> (IMediator mediator, CancellationToken cancellationToken) =>
                    TypedResults.Ok(await mediator.Send(new ListCalendarYearsQuery(), cancellationToken))
            )
            .WithName("ListCalendarYears")
            .RequirePermission(Permissions.OrganizationsRead)
            .WithSummary("The years with an official working-day calendar, newest first.");
}
