using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Organizations.DissolveOrganization;

internal static class DissolveOrganizationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapDelete(
                "/{id:guid}",
                async Task<NoContent> (
                    Guid id,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                {
                    await mediator.Send(
                        new DissolveOrganizationCommand(id, ETags.ParseIfMatch(ifMatch)),
                        cancellationToken
                    );
                    return TypedResults.NoContent();
                }
            )
            .WithName("DissolveOrganization")
            .RequirePermission(Permissions.OrganizationsWrite)
            .WithSummary("Dissolve (soft-delete) an organization; refused while it has active children or members.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesIfMatchProblems();
}
