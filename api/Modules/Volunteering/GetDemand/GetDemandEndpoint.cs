using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Volunteering.GetDemand;

internal static class GetDemandEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/demands/{id:guid}",
                async Task<Ok<DemandResponse>> (
                    Guid id,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var demand = await mediator.Send(new GetDemandQuery(id), cancellationToken);
                    response.SetETag(demand.Version);
                    return TypedResults.Ok(demand);
                }
            )
            .WithName("GetDemand")
            .RequirePermission(Permissions.VolunteeringRead)
            .WithSummary("A demand with each deadline, how late it is, its timeline and helpers (requester masked)")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
