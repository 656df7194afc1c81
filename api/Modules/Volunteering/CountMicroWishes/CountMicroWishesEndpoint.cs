using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Volunteering.CountMicroWishes;

internal static class CountMicroWishesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/wishes/counts",
                async Task<Ok<MicroWishCountsResponse>> (
                    Guid? organizationId,
                    int? year,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(new CountMicroWishesQuery(organizationId, year), cancellationToken)
                    )
            )
            .WithName("CountMicroWishes")
            .RequirePermission(Permissions.VolunteeringRead)
            .WithSummary(
                "Micro-wishes placed in a year (this year by default) per community within organizationId's subtree: "
                    + "placed, open, claimed, delivered, received, cancelled, and the total"
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
