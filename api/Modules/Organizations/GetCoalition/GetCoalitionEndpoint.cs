using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Organizations.GetCoalition;

internal static class GetCoalitionEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/{id:guid}",
                async Task<Ok<CoalitionResponse>> (
                    Guid id,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var coalition = await mediator.Send(new GetCoalitionQuery(id), cancellationToken);
                    response.SetETag(coalition.Version);
                    return TypedResults.Ok(coalition);
                }
            )
            .WithName("GetCoalition")
            .RequirePermission(Permissions.OrganizationsRead)
            .WithSummary("One coalition with its member organizations.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
