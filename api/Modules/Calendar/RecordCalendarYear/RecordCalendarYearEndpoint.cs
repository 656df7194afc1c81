using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Calendar.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Calendar.RecordCalendarYear;

internal static class RecordCalendarYearEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPut(
                "/{year:int}",
                async Task<Results<Created<CalendarYearResponse>, Ok<CalendarYearResponse>>> (
                    int year,
                    RecordCalendarYearRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    long? expected = ifMatch is null ? null : ETags.ParseIfMatch(ifMatch);
                    var result = await mediator.Send(
                        new RecordCalendarYearCommand(year, expected, request),
                        cancellationToken
                    );
                    response.SetETag(result.Calendar.Version);
                    return result.Created
                        ? TypedResults.Created($"/api/v1/calendar/{year}", result.Calendar)
                        : TypedResults.Ok(result.Calendar);
                }
            )
            .WithName("RecordCalendarYear")
            .RequirePermission(Permissions.CalendarWrite)
            .WithSummary("Enter a year's official holidays and make-up working days from the State Council's notice")
            .WithDescription(
                "Enter a year's official holidays and make-up working days from the State Council's notice (201), "
                    + "or replace an entered year with If-Match (200). Up to next year; system administrators only."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesIfMatchProblems();
}
