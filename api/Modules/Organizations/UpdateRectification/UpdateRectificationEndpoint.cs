using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Organizations.UpdateRectification;

internal static class UpdateRectificationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPut(
                "/{id:guid}/rectifications/{rectificationId:guid}",
                async Task<Ok<RectificationResponse>> (
                    Guid id,
                    Guid rectificationId,
                    RectificationFields request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var rectification = await mediator.Send(
                        new UpdateRectificationCommand(id, rectificationId, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(rectification.Version);
                    return TypedResults.Ok(rectification);
                }
            )
            .WithName("UpdateRectification")
            .RequirePermission(Permissions.OrganizationsWrite)
            .WithSummary("Revise an open rectification's reasons, plan, leader or due date. Requires If-Match.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesIfMatchProblems();
}
