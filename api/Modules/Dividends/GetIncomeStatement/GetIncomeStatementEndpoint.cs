using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.GetIncomeStatement;

internal static class GetIncomeStatementEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/collectives/{id:guid}/incomes/{year:int}",
                async Task<Ok<IncomeStatementView>> (
                    Guid id,
                    int year,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var statement = await mediator.Send(new GetIncomeStatementQuery(id, year), cancellationToken);
                    response.SetETag(statement.Version);
                    return TypedResults.Ok(statement);
                }
            )
            .WithName("GetIncomeStatement")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("A collective's income statement of a year, with its distributable amount and limits")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
