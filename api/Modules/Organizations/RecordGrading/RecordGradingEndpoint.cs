using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Organizations.RecordGrading;

internal static class RecordGradingEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/{id:guid}/gradings",
                async Task<Created<GradingResponse>> (
                    Guid id,
                    RecordGradingRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var grading = await mediator.Send(new RecordGradingCommand(id, request), cancellationToken);
                    response.SetETag(grading.Version);
                    return TypedResults.Created($"/api/v1/organizations/{id}/gradings/{grading.Year}", grading);
                }
            )
            .WithName("RecordGrading")
            .RequirePermission(Permissions.OrganizationsWrite)
            .WithSummary(
                "Record an organization's grading (分类定级) for a year; the level comes from the region's rule set."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
