using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Accounts.GetCurrentUser;

internal static class GetCurrentUserEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/me",
                async Task<Ok<CurrentUserResponse>> (IMediator mediator, CancellationToken cancellationToken) =>
                    TypedResults.Ok(await mediator.Send(new GetCurrentUserQuery(), cancellationToken))
            )
            .WithName("GetCurrentUser")
            .WithSummary("The signed-in user or API client: roles, permissions and scope organization.")
            .RequireSignedIn();
}
