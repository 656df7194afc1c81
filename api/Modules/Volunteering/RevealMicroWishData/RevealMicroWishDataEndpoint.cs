using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Volunteering.RevealMicroWishData;

internal static class RevealMicroWishDataEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/wishes/{wishId:guid}/reveal",
                async Task<Ok<RevealedMicroWishData>> (
                    Guid wishId,
                    RevealMicroWishDataRequest request,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(new RevealMicroWishDataCommand(wishId, request), cancellationToken)
                    )
            )
            .WithName("RevealMicroWishData")
            .RequirePermission(MicroWishes.RevealPermission)
            .WithSummary("Show a micro-wish resident's name or phone unmasked")
            .WithDescription(
                "Show the resident's name or phone unmasked, to call them about the delivery: needs the reveal "
                    + "permission and a reason (5–200 characters); every reveal is audited and limited per hour."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
