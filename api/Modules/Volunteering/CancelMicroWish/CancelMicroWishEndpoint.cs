using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Volunteering.CancelMicroWish;

internal static class CancelMicroWishEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/wishes/{wishId:guid}/cancellation",
                async Task<Ok<MicroWishResponse>> (
                    Guid wishId,
                    CancelMicroWishRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var wish = await mediator.Send(
                        new CancelMicroWishCommand(wishId, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(wish.Version);
                    return TypedResults.Ok(wish);
                }
            )
            .WithName("CancelMicroWish")
            .RequirePermission(Permissions.VolunteeringWrite)
            .WithSummary("Cancel an open or claimed micro-wish, with a reason")
            .WithDescription(
                "Cancel a wish that is open or claimed (no longer wanted, or it will not happen), with a reason; "
                    + "a delivered wish cannot be cancelled. "
                    + "Requires If-Match; a wish in a state that does not allow the step is 409 "
                    + "wish_step_not_allowed with allowedSteps."
            )
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
