using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Assistance.ListFunds;

internal static class ListFundsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/funds",
                async Task<Ok<Paged<FundResponse>>> (
                    int? page,
                    int? pageSize,
                    string? sort,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            new ListFundsQuery(PageRequest.From(page, pageSize), sort),
                            cancellationToken
                        )
                    )
            )
            .WithName("ListFunds")
            .RequirePermission(Permissions.FundsRead)
            .WithSummary("The care funds within your scope, in tree order; sort by tree, name or balance")
            .ProducesValidationProblem();
}
