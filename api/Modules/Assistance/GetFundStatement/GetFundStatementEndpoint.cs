using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Assistance.GetFundStatement;

internal static class GetFundStatementEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/funds/{id:guid}/statement",
                async Task<Ok<FundStatement>> (
                    Guid id,
                    int? year,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) => TypedResults.Ok(await mediator.Send(new GetFundStatementQuery(id, year), cancellationToken))
            )
            .WithName("GetFundStatement")
            .RequirePermission(Permissions.FundsRead)
            .WithSummary(
                "A fund's yearly statement for publication to members (党费使用公开); year defaults to this year"
            )
            .WithDescription(
                "Opening balance, money in by source, money out by payment kind and aid category, allocations down, "
                    + "reversals and adjustments (signed), the closing balance (Σ of the ledger at the year's end), "
                    + "and every payment of the year with the payee's name masked (王*明): no ID number, no phone."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
