using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Assistance.GetMemberLedger;

internal static class GetMemberLedgerEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/hardship-ledger/{memberId:guid}",
                async Task<Ok<MemberLedgerResponse>> (
                    Guid memberId,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) => TypedResults.Ok(await mediator.Send(new GetMemberLedgerQuery(memberId), cancellationToken))
            )
            .WithName("GetMemberLedger")
            .RequirePermission(Permissions.FundsRead)
            .WithSummary(
                "A member's page of the dynamic ledger: hardship over time, rechecks, fund payments, visits and "
                    + "pairing help. 404 for a member never in hardship or outside the caller's scope."
            )
            .ProducesProblem(StatusCodes.Status404NotFound);
}
