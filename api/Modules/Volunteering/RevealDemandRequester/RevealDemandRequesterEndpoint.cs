using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Volunteering.RevealDemandRequester;

internal static class RevealDemandRequesterEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/demands/{id:guid}/reveal",
                async Task<Ok<RevealedRequesterData>> (
                    Guid id,
                    RevealDemandRequesterRequest request,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(new RevealDemandRequesterCommand(id, request), cancellationToken)
                    )
            )
            .WithName("RevealDemandRequester")
            .RequirePermission(Permissions.VolunteeringRevealPii)
            .WithSummary("Show a demand's requester name or phone unmasked")
            .WithDescription(
                "Show the requester's name or phone whole (field RequesterName|RequesterPhone): needs "
                    + "volunteering.reveal-pii and a reason (5–200 characters); audited and limited per hour."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
