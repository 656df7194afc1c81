using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.CheckIncomeStatement;

internal static class CheckIncomeStatementEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/collectives/{id:guid}/incomes/check",
                async Task<Ok<IncomeCheckResponse>> (
                    Guid id,
                    IncomeStatementBody request,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) => TypedResults.Ok(await mediator.Send(new CheckIncomeStatementQuery(id, request), cancellationToken))
            )
            .WithName("CheckIncomeStatement")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("Check income figures without saving: the distributable amount, its bounds and limits broken")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
