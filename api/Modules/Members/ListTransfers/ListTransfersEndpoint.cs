using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Members.ListTransfers;

internal static class ListTransfersEndpoint
{
    public static void Map(RouteGroupBuilder group) => group
        .MapGet("/transfers", async Task<Ok<Paged<TransferResponse>>> (TransferDirection? direction, TransferStatus? status, bool? expiredOnly, int? page, int? pageSize,
            string? sort, IMediator mediator, CancellationToken cancellationToken) =>
            TypedResults.Ok(await mediator.Send(new ListTransfersQuery(direction ?? TransferDirection.Outbox, status, expiredOnly ?? false, PageRequest.From(page, pageSize), sort),
                cancellationToken)))
        .WithName("ListTransfers")
        .RequirePermission(Permissions.MembersRead)
        .WithSummary("Transfer letters out of (Outbox) or into (Inbox) the caller's subtree; status Pending/Received; expiredOnly lists pending letters past their validity. Sort by issuedOn, validUntil, memberName.")
        .ProducesValidationProblem();
}
