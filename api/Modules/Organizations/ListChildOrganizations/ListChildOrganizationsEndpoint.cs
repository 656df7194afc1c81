using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Organizations.ListChildOrganizations;

internal static class ListChildOrganizationsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/{id:guid}/children",
                async Task<Ok<Paged<OrganizationListItem>>> (
                    Guid id,
                    OrganizationStatusFilter? status,
                    int? page,
                    int? pageSize,
                    string? sort,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            new ListChildOrganizationsQuery(id, status, PageRequest.From(page, pageSize), sort),
                            cancellationToken
                        )
                    )
            )
            .WithName("ListChildOrganizations")
            .RequirePermission(Permissions.OrganizationsRead)
            .WithSummary("The direct children of an organization, for a lazily loaded tree.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
