using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Volunteering.ListPublicWishes;

internal static class ListPublicWishesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/wishes/{regionId:guid}",
                async Task<Ok<PublicWishWallResponse>> (
                    Guid regionId,
                    WishState? state,
                    int? page,
                    int? pageSize,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            new ListPublicWishesQuery(regionId, state, PageRequest.From(page, pageSize)),
                            cancellationToken
                        )
                    )
            )
            .WithName("ListPublicWishes")
            .AllowPublic()
            .RequireRateLimiting(PublicWishWall.RateLimitPolicy)
            .WithSummary("A region's public micro-wish wall (no sign-in)")
            .WithDescription(
                "The region's wishes for anyone to read (心愿墙), newest first: the community's name, the kind, the "
                    + "wish, its state and dates; never a name, phone, value or claimant; cancelled wishes are left "
                    + "out. A region that turned the wall off (rule publicWishWall) answers 404 like an unknown one. "
                    + "Rate-limited per client address (RateLimiting:PublicWishWallPermitLimit a minute; 429 beyond)."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
