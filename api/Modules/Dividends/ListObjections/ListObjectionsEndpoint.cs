using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.ListObjections;

internal static class ListObjectionsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/plans/{id:guid}/objections",
                async Task<Ok<IReadOnlyList<ObjectionView>>> (
                    Guid id,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) => TypedResults.Ok(await mediator.Send(new ListObjectionsQuery(id), cancellationToken))
            )
            .WithName("ListPlanObjections")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("A plan's objection register")
            .WithDescription("Every objection with its answer and whether it is closed.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
