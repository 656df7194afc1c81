using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.CreatePlan;

internal static class CreatePlanEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/plans",
                async Task<Created<PlanView>> (
                    PlanTermsRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var plan = await mediator.Send(new CreatePlanCommand(request), cancellationToken);
                    response.SetETag(plan.Version);
                    return TypedResults.Created($"/api/v1/dividends/plans/{plan.Id}", plan);
                }
            )
            .WithName("CreateDistributionPlan")
            .RequirePermission(Permissions.DividendsWrite)
            .WithSummary("Prepare a distribution plan")
            .WithDescription(
                "Saves a plan with its payout lines computed from the register on the cut-off date; the caller is "
                    + "its preparer and can never review or approve it. Takes Idempotency-Key."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
