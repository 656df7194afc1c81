using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Organizations.SearchOrganizationDirectory;

internal static class SearchOrganizationDirectoryEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/directory",
                async Task<Ok<IReadOnlyList<DirectoryEntry>>> (
                    string? q,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) => TypedResults.Ok(await mediator.Send(new SearchOrganizationDirectoryQuery(q), cancellationToken))
            )
            .WithName("SearchOrganizationDirectory")
            .RequirePermission(Permissions.OrganizationsRead)
            .WithSummary("Active organizations in every region whose name contains q")
            .WithDescription(
                "Active organizations in every region whose name contains q (at least 2 characters), ids and names "
                    + "only, at most 20: to address a transfer letter across regions."
            )
            .ProducesValidationProblem();
}
