using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Organizations.ListCoalitions;

internal static class ListCoalitionsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/",
                async Task<Ok<Paged<CoalitionListItem>>> (
                    string? q,
                    Guid? memberOf,
                    int? page,
                    int? pageSize,
                    string? sort,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            new ListCoalitionsQuery(q, memberOf, PageRequest.From(page, pageSize), sort),
                            cancellationToken
                        )
                    )
            )
            .WithName("ListCoalitions")
            .RequirePermission(Permissions.OrganizationsRead)
            .WithSummary("Coalitions, searchable by name or by a member organization.")
            .ProducesValidationProblem();
}
