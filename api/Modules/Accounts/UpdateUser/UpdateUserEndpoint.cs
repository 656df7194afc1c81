using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Accounts.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Accounts.UpdateUser;

internal static class UpdateUserEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPut(
                "/{id:guid}",
                async Task<Ok<UserResponse>> (
                    Guid id,
                    UpdateUserRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var user = await mediator.Send(
                        new UpdateUserCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(user.Version);
                    return TypedResults.Ok(user);
                }
            )
            .WithName("UpdateUser")
            .WithSummary(
                "Change a user's display name, roles, scope or enabled "
                    + "state (disabling ends their sessions). Requires If-Match."
            )
            .RequirePermission(Permissions.UsersManage)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesIfMatchProblems();
}
