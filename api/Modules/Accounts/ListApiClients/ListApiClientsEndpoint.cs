using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Accounts.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Accounts.ListApiClients;

internal static class ListApiClientsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/",
                async Task<Ok<Paged<ApiClientResponse>>> (
                    int? page,
                    int? pageSize,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            new ListApiClientsQuery(PageRequest.From(page, pageSize)),
                            cancellationToken
                        )
                    )
            )
            .WithName("ListApiClients")
            .WithSummary(
                "API clients within your scope (prefix, permissions, limit, last use, revocation; never the key)."
            )
            .RequirePermission(Permissions.ApiClientsManage)
            .ProducesValidationProblem();
}
