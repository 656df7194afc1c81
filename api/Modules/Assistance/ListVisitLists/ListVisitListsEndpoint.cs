using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Assistance.ListVisitLists;

internal static class ListVisitListsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/visit-lists",
                async Task<Ok<Paged<VisitListResponse>>> (
                    int? year,
                    VisitOccasion? occasion,
                    int? page,
                    int? pageSize,
                    string? sort,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            new ListVisitListsQuery(year, occasion, PageRequest.From(page, pageSize), sort),
                            cancellationToken
                        )
                    )
            )
            .WithName("ListVisitLists")
            .RequirePermission(Permissions.FundsRead)
            .WithSummary(
                "Holiday visit lists in the caller's subtree with their progress (visited of total, money and goods "
                    + "given); filter by year and occasion; sort by occasionOn, year."
            )
            .ProducesValidationProblem();
}
