using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Organizations.CreateOrganization;

internal static class CreateOrganizationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/",
                async Task<Created<OrganizationResponse>> (
                    CreateOrganizationCommand command,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var organization = await mediator.Send(command, cancellationToken);
                    response.SetETag(organization.Version);
                    return TypedResults.Created($"/api/v1/organizations/{organization.Id}", organization);
                }
            )
            .WithName("CreateOrganization")
            .RequirePermission(Permissions.OrganizationsWrite)
            .WithSummary("Create an organization under a parent (or a new top-level region without parentId).")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
