using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Organizations.GetOrganization;

internal static class GetOrganizationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/{id:guid}",
                async Task<Ok<OrganizationResponse>> (
                    Guid id,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var organization = await mediator.Send(new GetOrganizationQuery(id), cancellationToken);
                    response.SetETag(organization.Version);
                    return TypedResults.Ok(organization);
                }
            )
            .WithName("GetOrganization")
            .RequirePermission(Permissions.OrganizationsRead)
            .WithSummary("Read one organization with its ancestors; the ETag is its version.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
