using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Volunteering.ReleaseStaleClaims;

internal static class ReleaseStaleClaimsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/demands/release-stale-claims",
                async Task<Ok<ReleasedClaims>> (IMediator mediator, CancellationToken cancellationToken) =>
                    TypedResults.Ok(await mediator.Send(new ReleaseStaleClaimsCommand(), cancellationToken))
            )
            .WithName("ReleaseStaleClaims")
            .RequirePermission(Permissions.VolunteeringWrite)
            .WithSummary(
                "接单超时退回: claims in the caller's subtree unstarted for the region's days (staleClaimDays) go back "
                    + "to the pool; each release is on the demand's timeline"
            )
            .ProducesProblem(StatusCodes.Status409Conflict);
}
