using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Organizations.ReviseGrading;

internal static class ReviseGradingEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPut(
                "/{id:guid}/gradings/{year:int}",
                async Task<Ok<GradingResponse>> (
                    Guid id,
                    int year,
                    ReviseGradingRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var grading = await mediator.Send(
                        new ReviseGradingCommand(id, year, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(grading.Version);
                    return TypedResults.Ok(grading);
                }
            )
            .WithName("ReviseGrading")
            .RequirePermission(Permissions.OrganizationsWrite)
            .WithSummary("Revise a year's grading. Requires If-Match.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesIfMatchProblems();
}
