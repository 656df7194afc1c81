using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Members.TransferMember;

internal static class TransferMemberEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/{id:guid}/transfers",
                async Task<Created<TransferResponse>> (
                    Guid id,
                    TransferMemberRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var transfer = await mediator.Send(new TransferMemberCommand(id, request), cancellationToken);
                    response.SetETag(transfer.Version);
                    return TypedResults.Created($"/api/v1/members/transfers?direction=Outbox", transfer);
                }
            )
            .WithName("TransferMember")
            .RequirePermission(Permissions.MembersWrite)
            .WithSummary("Issue a transfer letter")
            .WithDescription(
                "Issue a transfer letter (组织关系介绍信) to an organization in this system or outside it, valid for "
                    + "the region's months; the member moves only on receipt. A second letter while one is pending "
                    + "and valid is 409 transfer_pending (an expired one no longer holds the member)."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
