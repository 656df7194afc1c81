using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Accounts.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Accounts.CreateUser;

internal static class CreateUserEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/",
                async Task<Created<UserResponse>> (
                    CreateUserRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var user = await mediator.Send(new CreateUserCommand(request), cancellationToken);
                    response.SetETag(user.Version);
                    return TypedResults.Created($"/api/v1/users/{user.Id}", user);
                }
            )
            .WithName("CreateUser")
            .WithSummary(
                "Create a user with roles and a scope organization within your "
                    + "own; granting beyond your own is 409 privilege_escalation."
            )
            .RequirePermission(Permissions.UsersManage)
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
