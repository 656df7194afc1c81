using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Organizations.CreatePairing;

internal static class CreatePairingEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/{id:guid}/pairings",
                async Task<Created<PairingResponse>> (
                    Guid id,
                    CreatePairingRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var pairing = await mediator.Send(new CreatePairingCommand(id, request), cancellationToken);
                    response.SetETag(pairing.Version);
                    return TypedResults.Created($"/api/v1/organizations/{id}/pairings/{pairing.Id}", pairing);
                }
            )
            .WithName("CreatePairing")
            .RequirePermission(Permissions.OrganizationsWrite)
            .WithSummary(
                "Pair this organization with a partner (包联 or 结对共建); "
                    + "an overlapping open pairing of the same kind is 409."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
