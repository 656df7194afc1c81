using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Assistance.ListLedgerEntries;

internal static class ListLedgerEntriesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/funds/{id:guid}/entries",
                async Task<Ok<Paged<LedgerEntryResponse>>> (
                    Guid id,
                    [AsParameters] LedgerFilter filter,
                    int? page,
                    int? pageSize,
                    string? sort,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            new ListLedgerEntriesQuery(id, filter, PageRequest.From(page, pageSize), sort),
                            cancellationToken
                        )
                    )
            )
            .WithName("ListLedgerEntries")
            .RequirePermission(Permissions.FundsRead)
            .WithSummary("A fund's ledger, newest first; filter by kind, source and dates")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
