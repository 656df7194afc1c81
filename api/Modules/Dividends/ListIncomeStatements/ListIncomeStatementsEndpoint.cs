using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.ListIncomeStatements;

internal static class ListIncomeStatementsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/collectives/{id:guid}/incomes",
                async Task<Ok<IReadOnlyList<IncomeStatementView>>> (
                    Guid id,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) => TypedResults.Ok(await mediator.Send(new ListIncomeStatementsQuery(id), cancellationToken))
            )
            .WithName("ListIncomeStatements")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary(
                "A collective's income statements, newest first, each with its distributable amount and limits"
            )
            .ProducesProblem(StatusCodes.Status404NotFound);
}
