using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Members.ReceiveTransfer;

internal static class ReceiveTransferEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/transfers/{transferId:guid}/receipt",
                async Task<Ok<TransferResponse>> (
                    Guid transferId,
                    ReceiveTransferRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var transfer = await mediator.Send(
                        new ReceiveTransferCommand(transferId, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(transfer.Version);
                    return TypedResults.Ok(transfer);
                }
            )
            .WithName("ReceiveTransfer")
            .RequirePermission(Permissions.MembersWrite)
            .WithSummary("Confirm receipt")
            .WithDescription(
                "Confirm receipt (回执) of a transfer letter: the receiving side moves the member in; for a letter to "
                    + "outside the system the sending side records it and "
                    + "the member leaves the register. Requires If-Match; an "
                    + "expired letter is 409 letter_expired."
            )
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
