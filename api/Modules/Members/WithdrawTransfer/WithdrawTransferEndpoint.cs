using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Members.WithdrawTransfer;

internal static class WithdrawTransferEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/transfers/{transferId:guid}/withdrawal",
                async Task<Ok<TransferResponse>> (
                    Guid transferId,
                    WithdrawTransferRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var transfer = await mediator.Send(
                        new WithdrawTransferCommand(transferId, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(transfer.Version);
                    return TypedResults.Ok(transfer);
                }
            )
            .WithName("WithdrawTransfer")
            .RequirePermission(Permissions.MembersWrite)
            .WithSummary("Withdraw a transfer letter awaiting receipt")
            .WithDescription(
                "Withdraw a transfer letter awaiting receipt (expired or not), by the sending side, with a reason; "
                    + "it stays in the history and no longer holds the member. Requires If-Match; a received or "
                    + "withdrawn letter is 409 transfer_closed / transfer_withdrawn."
            )
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
