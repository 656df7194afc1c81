using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Accounts.RevokeApiClient;

internal static class RevokeApiClientEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/{id:guid}/revoke",
                async Task<NoContent> (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                {
                    await mediator.Send(new RevokeApiClientCommand(id), cancellationToken);
                    return TypedResults.NoContent();
                }
            )
            .WithName("RevokeApiClient")
            .WithSummary("Revoke an API client's key; its next request is refused with 401.")
            .RequirePermission(Permissions.ApiClientsManage)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
