using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Organizations.CloseRectification;

internal static class CloseRectificationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/{id:guid}/rectifications/{rectificationId:guid}/close",
                async Task<Ok<RectificationResponse>> (
                    Guid id,
                    Guid rectificationId,
                    CloseRectificationRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var rectification = await mediator.Send(
                        new CloseRectificationCommand(id, rectificationId, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(rectification.Version);
                    return TypedResults.Ok(rectification);
                }
            )
            .WithName("CloseRectification")
            .RequirePermission(Permissions.OrganizationsWrite)
            .WithSummary("Close (销号) a rectification. Requires If-Match.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesIfMatchProblems();
}
