using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Assistance.PayCondolence;

internal static class PayCondolenceEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/condolences/{id:guid}/pay",
                async Task<Ok<CondolenceResponse>> (
                    Guid id,
                    PayCondolenceRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var condolence = await mediator.Send(
                        new PayCondolenceCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(condolence.Version);
                    return TypedResults.Ok(condolence);
                }
            )
            .WithName("PayCondolence")
            .RequirePermission(Permissions.FundsWrite)
            .WithSummary("Confirm and pay a proposed condolence payment")
            .WithDescription(
                "Pay a proposed condolence through the fund's ledger (fundId, paidOn, reference; amount defaults to "
                    + "the proposal). Requires If-Match; takes an Idempotency-Key. 409 condolence_not_proposed, "
                    + "fund_insufficient, fund_not_covering, yearly_cap_exceeded."
            )
            .WithIdempotency()
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
