using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Volunteering.GetDemandBoard;

internal static class GetDemandBoardEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/demands/board",
                async Task<Ok<DemandBoard>> (
                    Guid? organizationId,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) => TypedResults.Ok(await mediator.Send(new GetDemandBoardQuery(organizationId), cancellationToken))
            )
            .WithName("GetDemandBoard")
            .RequirePermission(Permissions.VolunteeringRead)
            .WithSummary(
                "The demand board: counts by state (and the overdue ones) in the caller's or an organization's subtree"
            )
            .ProducesValidationProblem();
}
