using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Volunteering.PlaceMicroWish;

internal static class PlaceMicroWishEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/wishes",
                async Task<Created<MicroWishResponse>> (
                    PlaceMicroWishRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var wish = await mediator.Send(new PlaceMicroWishCommand(request), cancellationToken);
                    response.SetETag(wish.Version);
                    return TypedResults.Created($"/api/v1/volunteering/wishes/{wish.Id}", wish);
                }
            )
            .WithName("PlaceMicroWish")
            .RequirePermission(Permissions.VolunteeringWrite)
            .WithSummary("Record a resident's micro-wish (微心愿) and open it for claiming")
            .WithDescription(
                "Record a resident's micro-wish: kind, description (shown on the public wall: no names), value in yuan "
                    + "at most the region's cap (400 on estimatedValue beyond it), the resident's name and phone "
                    + "(encrypted, answered masked), optionally a member on the hardship register."
            )
            .WithIdempotency()
            .ProducesValidationProblem();
}
