using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Assistance.ReverseLedgerEntry;

internal static class ReverseLedgerEntryEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/funds/{id:guid}/entries/{entryId:guid}/reversal",
                async Task<Created<LedgerEntryResponse>> (
                    Guid id,
                    Guid entryId,
                    ReverseLedgerEntryRequest request,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                {
                    var entry = await mediator.Send(
                        new ReverseLedgerEntryCommand(id, entryId, request),
                        cancellationToken
                    );
                    return TypedResults.Created($"/api/v1/assistance/funds/{id}/entries", entry);
                }
            )
            .WithName("ReverseLedgerEntry")
            .RequirePermission(Permissions.FundsWrite)
            .WithSummary("Correct a ledger entry by a reversing entry that names it")
            .WithDescription(
                "Post the opposite amount naming the entry (reason required); nothing is edited. An allocation down "
                    + "is reversed on both sides. 409 entry_already_reversed, entry_not_reversible (an application's "
                    + "payment, a reversal), fund_insufficient. Takes Idempotency-Key."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
