using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.PreviewPlan;

internal static class PreviewPlanEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/plans/preview",
                async Task<Ok<PreviewPlanResponse>> (
                    PlanTermsRequest request,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) => TypedResults.Ok(await mediator.Send(new PreviewPlanQuery(request), cancellationToken))
            )
            .WithName("PreviewDistributionPlan")
            .RequirePermission(Permissions.DividendsWrite)
            .WithSummary("Preview a distribution plan's payouts")
            .WithDescription(
                "Computes every payout line from the share register on the cut-off date (each exact share rounded "
                    + "down, the remaining 分 by largest remainder, ties by id) and their sum; saves nothing. 409 "
                    + "plan_no_recipients when a part has no one to pay."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
