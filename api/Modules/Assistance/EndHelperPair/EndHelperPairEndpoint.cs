using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Assistance.EndHelperPair;

internal static class EndHelperPairEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/pairings/{id:guid}/end",
                async Task<Ok<HelperPairResponse>> (
                    Guid id,
                    EndHelperPairRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var pairing = await mediator.Send(
                        new EndHelperPairCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(pairing.Version);
                    return TypedResults.Ok(pairing);
                }
            )
            .WithName("EndHelperPair")
            .RequirePermission(Permissions.FundsWrite)
            .WithSummary("End a 1+N pair")
            .WithDescription(
                "endedOn; the pair stays as history. Requires If-Match. 409 pairing_ended, "
                    + "pairing_ends_before_start."
            )
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
