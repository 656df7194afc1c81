using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Organizations.MoveOrganization;

internal static class MoveOrganizationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/{id:guid}/move",
                async Task<Ok<OrganizationResponse>> (
                    Guid id,
                    MoveOrganizationRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var organization = await mediator.Send(
                        new MoveOrganizationCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(organization.Version);
                    return TypedResults.Ok(organization);
                }
            )
            .WithName("MoveOrganization")
            .RequirePermission(Permissions.OrganizationsWrite)
            .WithSummary(
                "Move an organization and its subtree under a new parent; "
                    + "moving under itself or a descendant is 409 move_creates_cycle."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesIfMatchProblems();
}
