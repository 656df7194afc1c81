using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Calendar.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Calendar.GetCalendarYear;

internal static class GetCalendarYearEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/{year:int}",
                async Task<Ok<CalendarYearResponse>> (
                    int year,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var calendar = await mediator.Send(new GetCalendarYearQuery(year), cancellationToken);
                    response.SetETag(calendar.Version);
                    return TypedResults.Ok(calendar);
                }
            )
            .WithName("GetCalendarYear")
            .RequirePermission(Permissions.OrganizationsRead)
            .WithSummary("A year's official holidays and make-up working days (调休), with the notice they follow.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
