using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Assistance.AllocateFunds;

internal static class AllocateFundsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/funds/{id:guid}/allocations",
                async Task<Created<AllocationResponse>> (
                    Guid id,
                    AllocateFundsRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var allocation = await mediator.Send(new AllocateFundsCommand(id, request), cancellationToken);
                    response.SetETag(allocation.From.Version);
                    return TypedResults.Created($"/api/v1/assistance/funds/{id}/entries", allocation);
                }
            )
            .WithName("AllocateFunds")
            .RequirePermission(Permissions.FundsWrite)
            .WithSummary("下拨: allocate money to a fund directly below")
            .WithDescription(
                "Allocate (toFundId, amount, purpose, occurredOn): one entry out of this fund and one into the fund "
                    + "below, each naming the other. 409 fund_insufficient when this fund has not that much free, "
                    + "fund_not_below when the other fund is not directly below. Takes Idempotency-Key."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
