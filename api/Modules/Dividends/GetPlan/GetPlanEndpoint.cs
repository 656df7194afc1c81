using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.GetPlan;

internal static class GetPlanEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/plans/{id:guid}",
                async Task<Ok<PlanView>> (
                    Guid id,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var plan = await mediator.Send(new GetPlanQuery(id), cancellationToken);
                    response.SetETag(plan.Version);
                    return TypedResults.Ok(plan);
                }
            )
            .WithName("GetDistributionPlan")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("A distribution plan with its steps")
            .WithDescription("The plan, its parts, its steps as a timeline and its open objections; ETag.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
