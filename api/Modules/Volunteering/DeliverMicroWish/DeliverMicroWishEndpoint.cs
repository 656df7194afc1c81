using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Volunteering.DeliverMicroWish;

internal static class DeliverMicroWishEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/wishes/{wishId:guid}/delivery",
                async Task<Ok<MicroWishResponse>> (
                    Guid wishId,
                    DeliverMicroWishRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var wish = await mediator.Send(
                        new DeliverMicroWishCommand(wishId, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(wish.Version);
                    return TypedResults.Ok(wish);
                }
            )
            .WithName("DeliverMicroWish")
            .RequirePermission(Permissions.VolunteeringWrite)
            .WithSummary("Record the delivery of a claimed micro-wish")
            .WithDescription(
                "Record that the claimant delivered the wish (送达), with the day and a note. "
                    + "Requires If-Match; a wish in a state that does not allow the step is 409 "
                    + "wish_step_not_allowed with allowedSteps."
            )
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
