using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.RecordShareChange;

internal static class RecordShareChangeEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/collectives/{id:guid}/share-changes",
                async Task<Created<RecordShareChangeResponse>> (
                    Guid id,
                    RecordShareChangeRequest request,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                {
                    var change = await mediator.Send(new RecordShareChangeCommand(id, request), cancellationToken);
                    return TypedResults.Created($"/api/v1/dividends/collectives/{id}/share-changes", change);
                }
            )
            .WithName("RecordShareChange")
            .RequirePermission(Permissions.DividendsWrite)
            .WithSummary("Record a dated share change: inheritance, transfer, household split, allotment, cancellation")
            .WithDescription(
                "Append a dated share change (never an edit). Inheritance, transfer and a household split move shares "
                    + "between the collective's members (409 share_change_not_balanced, "
                    + "share_transfer_outside_collective); no one gives more than they hold (409 shares_insufficient); "
                    + "under static management allotment and cancellation are 409 static_shares_fixed. A split makes "
                    + "a household from members of one household (409 household_split_needs_members)."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
