using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.GetSignSheet;

internal static class GetSignSheetEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/plans/{id:guid}/sign-sheet",
                async Task<Ok<SignSheet>> (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                    TypedResults.Ok(await mediator.Send(new GetSignSheetQuery(id), cancellationToken))
            )
            .WithName("GetDistributionSignSheet")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("The 签领表's data, for its print view")
            .WithDescription(
                "One row per payee of the plan's payouts (re-issues in place of failed transfers, reversals left "
                    + "out): household number, name, masked ID number, amount, whether paid, and the payout ids the "
                    + "row covers. Empty before the payouts exist."
            )
            .ProducesProblem(StatusCodes.Status404NotFound);
}
