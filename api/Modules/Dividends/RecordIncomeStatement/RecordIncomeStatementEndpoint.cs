using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Dividends.RecordIncomeStatement;

internal static class RecordIncomeStatementEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPut(
                "/collectives/{id:guid}/incomes/{year:int}",
                async Task<Results<Created<IncomeStatementView>, Ok<IncomeStatementView>>> (
                    Guid id,
                    int year,
                    IncomeStatementBody request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    long? expected = ifMatch is null ? null : ETags.ParseIfMatch(ifMatch);
                    var result = await mediator.Send(
                        new RecordIncomeStatementCommand(id, year, expected, request),
                        cancellationToken
                    );
                    response.SetETag(result.Statement.Version);
                    return result.Created
                        ? TypedResults.Created($"/api/v1/dividends/collectives/{id}/incomes", result.Statement)
                        : TypedResults.Ok(result.Statement);
                }
            )
            .WithName("RecordIncomeStatement")
            .RequirePermission(Permissions.DividendsWrite)
            .WithSummary("Enter a collective's income statement for a year (201), or replace it with If-Match (200)")
            .WithDescription(
                "Operating, investment and other income, grants (kept apart), land compensation (excluded), costs, "
                    + "losses carried, the reserve, member dividends and (cooperatives) the return by trading volume. "
                    + "Each local limit broken is 409 with entered, bound, rule and source: reserve_below_minimum, "
                    + "reserve_above_income, dividends_above_distributable, dividends_above_share, "
                    + "by_volume_below_minimum, by_volume_above_dividends, by_volume_only_for_cooperatives. "
                    + "A year already entered without If-Match is 409 income_year_exists."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesIfMatchProblems();
}
