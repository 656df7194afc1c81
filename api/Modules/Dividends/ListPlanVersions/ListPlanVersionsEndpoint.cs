using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.ListPlanVersions;

internal static class ListPlanVersionsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/plans/{id:guid}/versions",
                async Task<Ok<IReadOnlyList<PlanVersionItem>>> (
                    Guid id,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) => TypedResults.Ok(await mediator.Send(new ListPlanVersionsQuery(id), cancellationToken))
            )
            .WithName("ListDistributionPlanVersions")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("Every version of a plan")
            .WithDescription(
                "Oldest first, from any version's id: each with its stage (all but the latest Superseded), totals, "
                    + "preparer and the reason it was made."
            )
            .ProducesProblem(StatusCodes.Status404NotFound);
}
