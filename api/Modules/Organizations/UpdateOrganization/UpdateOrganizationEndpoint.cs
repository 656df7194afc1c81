using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Organizations.UpdateOrganization;

internal static class UpdateOrganizationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPut(
                "/{id:guid}",
                async Task<Ok<OrganizationResponse>> (
                    Guid id,
                    UpdateOrganizationRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var organization = await mediator.Send(
                        new UpdateOrganizationCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(organization.Version);
                    return TypedResults.Ok(organization);
                }
            )
            .WithName("UpdateOrganization")
            .RequirePermission(Permissions.OrganizationsWrite)
            .WithSummary("Change an organization's details. Requires If-Match with the ETag you read.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesIfMatchProblems();
}
