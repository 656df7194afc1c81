using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Volunteering.ClaimMicroWish;

internal static class ClaimMicroWishEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/wishes/{wishId:guid}/claim",
                async Task<Ok<MicroWishResponse>> (
                    Guid wishId,
                    ClaimMicroWishRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var wish = await mediator.Send(
                        new ClaimMicroWishCommand(wishId, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(wish.Version);
                    return TypedResults.Ok(wish);
                }
            )
            .WithName("ClaimMicroWish")
            .RequirePermission(Permissions.VolunteeringWrite)
            .WithSummary("Claim an open micro-wish for a member, a team or an organization")
            .WithDescription(
                "Claim an open micro-wish (认领) for a member, a volunteer team or an organization; exactly one "
                    + "claimant: of simultaneous claims one succeeds and the others are 409 wish_already_claimed. "
                    + "Requires If-Match; a wish in another state is 409 wish_step_not_allowed with allowedSteps."
            )
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
