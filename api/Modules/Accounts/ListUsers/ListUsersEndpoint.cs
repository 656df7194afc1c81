using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Accounts.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Accounts.ListUsers;

internal static class ListUsersEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/",
                async Task<Ok<Paged<UserResponse>>> (
                    string? q,
                    int? page,
                    int? pageSize,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(new ListUsersQuery(q, PageRequest.From(page, pageSize)), cancellationToken)
                    )
            )
            .WithName("ListUsers")
            .WithSummary("Users within your scope, by username.")
            .RequirePermission(Permissions.UsersManage)
            .ProducesValidationProblem();
}
