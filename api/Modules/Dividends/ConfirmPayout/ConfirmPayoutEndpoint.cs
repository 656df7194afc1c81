using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Dividends.ConfirmPayout;

internal static class ConfirmPayoutEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/payouts/{id:guid}/confirm",
                async Task<Ok<PayoutView>> (
                    Guid id,
                    ConfirmPayoutRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var payout = await mediator.Send(
                        new ConfirmPayoutCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(payout.Version);
                    return TypedResults.Ok(payout);
                }
            )
            .WithName("ConfirmDistributionPayout")
            .RequirePermission(Permissions.DividendsWrite)
            .WithSummary("Confirm a payout (签字按手印, proxy or bank transfer)")
            .WithDescription(
                "Once per payout, in one conditional statement: 409 payout_already_confirmed after that, "
                    + "payout_proxy_authorization for a proxy without name and authorization. If-Match and "
                    + "Idempotency-Key."
            )
            .WithIdempotency()
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
