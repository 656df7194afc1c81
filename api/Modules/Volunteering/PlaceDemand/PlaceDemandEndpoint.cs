using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Volunteering.PlaceDemand;

internal static class PlaceDemandEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/demands",
                async Task<Created<DemandResponse>> (
                    PlaceDemandRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var demand = await mediator.Send(new PlaceDemandCommand(request), cancellationToken);
                    response.SetETag(demand.Version);
                    return TypedResults.Created($"/api/v1/volunteering/demands/{demand.Id}", demand);
                }
            )
            .WithName("PlaceDemand")
            .RequirePermission(Permissions.VolunteeringWrite)
            .WithSummary("点单: place a resident's demand (staff, or a residents' system with an API key)")
            .WithDescription(
                "点单: category (the region's list), description, the community's organization, the requester's name "
                    + "and phone (encrypted, shown masked), an optional member in hardship as beneficiary, urgency "
                    + "and a wished-for date. Takes Idempotency-Key; the answer carries each deadline."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
