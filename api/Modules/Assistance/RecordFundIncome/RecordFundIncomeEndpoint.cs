using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Assistance.RecordFundIncome;

internal static class RecordFundIncomeEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/funds/{id:guid}/income",
                async Task<Created<LedgerPostedResponse>> (
                    Guid id,
                    RecordFundIncomeRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var posted = await mediator.Send(new RecordFundIncomeCommand(id, request), cancellationToken);
                    response.SetETag(posted.Fund.Version);
                    return TypedResults.Created($"/api/v1/assistance/funds/{id}/entries", posted);
                }
            )
            .WithName("RecordFundIncome")
            .RequirePermission(Permissions.FundsWrite)
            .WithSummary("Money into a fund from one of its sources")
            .WithDescription(
                "Post income (source: DuesShare, SpecialDues, Donation or Interest; purpose; amount; occurredOn) as a "
                    + "ledger entry. Takes Idempotency-Key: a retry posts once."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
