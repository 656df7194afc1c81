using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.ListShareChanges;

internal static class ListShareChangesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/collectives/{id:guid}/share-changes",
                async Task<Ok<IReadOnlyList<ShareChangeResponse>>> (
                    Guid id,
                    Guid? memberId,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) => TypedResults.Ok(await mediator.Send(new ListShareChangesQuery(id, memberId), cancellationToken))
            )
            .WithName("ListShareChanges")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("A collective's dated share changes, newest first (memberId: those touching one member)")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
