using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Organizations.UpdatePairing;

internal static class UpdatePairingEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPut(
                "/{id:guid}/pairings/{pairingId:guid}",
                async Task<Ok<PairingResponse>> (
                    Guid id,
                    Guid pairingId,
                    PairingTerms request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var pairing = await mediator.Send(
                        new UpdatePairingCommand(id, pairingId, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(pairing.Version);
                    return TypedResults.Ok(pairing);
                }
            )
            .WithName("UpdatePairing")
            .RequirePermission(Permissions.OrganizationsWrite)
            .WithSummary("Change a pairing's dates or notes (set endsOn to end it). Requires If-Match.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesIfMatchProblems();
}
