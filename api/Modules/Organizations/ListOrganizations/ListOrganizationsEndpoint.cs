using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Organizations.ListOrganizations;

internal static class ListOrganizationsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/",
                async Task<Ok<Paged<OrganizationListItem>>> (
                    Guid? within,
                    OrganizationKind? kind,
                    OrganizationField? field,
                    string? q,
                    OrganizationStatusFilter? status,
                    int? depth,
                    int? page,
                    int? pageSize,
                    string? sort,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                {
                    var query = new ListOrganizationsQuery(
                        within,
                        kind,
                        field,
                        q,
                        status,
                        depth,
                        PageRequest.From(page, pageSize),
                        sort
                    );
                    return TypedResults.Ok(await mediator.Send(query, cancellationToken));
                }
            )
            .WithName("ListOrganizations")
            .RequirePermission(Permissions.OrganizationsRead)
            .WithSummary("List organizations within a subtree")
            .WithDescription(
                "List organizations within a subtree: filter by kind, field, name, status and depth; sort by name, "
                    + "kind, field, depth, createdAt or tree (prefix - for descending)."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
