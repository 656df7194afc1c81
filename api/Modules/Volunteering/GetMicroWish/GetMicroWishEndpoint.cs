using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Volunteering.GetMicroWish;

internal static class GetMicroWishEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/wishes/{wishId:guid}",
                async Task<Ok<MicroWishResponse>> (
                    Guid wishId,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var wish = await mediator.Send(new GetMicroWishQuery(wishId), cancellationToken);
                    response.SetETag(wish.Version);
                    return TypedResults.Ok(wish);
                }
            )
            .WithName("GetMicroWish")
            .RequirePermission(Permissions.VolunteeringRead)
            .WithSummary("A micro-wish with its ETag (the resident's name and phone masked)")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
