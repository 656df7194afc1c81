using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Assistance.RecheckHardship;

internal static class RecheckHardshipEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/hardship-ledger/{memberId:guid}/rechecks",
                async Task<Created<RecheckResponse>> (
                    Guid memberId,
                    RecheckHardshipRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Created(
                        $"/api/v1/assistance/hardship-ledger/{memberId}",
                        await mediator.Send(
                            new RecheckHardshipCommand(memberId, ETags.ParseIfMatch(ifMatch), request),
                            cancellationToken
                        )
                    )
            )
            .WithName("RecheckHardship")
            .RequirePermission(Permissions.FundsWrite)
            .WithSummary("Record the yearly recheck of a member in hardship")
            .WithDescription(
                "hardshipId, checkedOn, outcome Continues or Ended (the member leaves the hardship register that "
                    + "day), note. If-Match is the hardship entry's version (the ledger's version). 409 "
                    + "hardship_ended, recheck_before_start."
            )
            .WithIdempotency()
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
