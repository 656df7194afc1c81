using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Assistance.LogHelp;

internal static class LogHelpEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/pairings/{id:guid}/help-logs",
                async Task<Created<HelperPairResponse>> (
                    Guid id,
                    LogHelpRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var pairing = await mediator.Send(
                        new LogHelpCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(pairing.Version);
                    return TypedResults.Created($"/api/v1/assistance/pairings/{id}/help-logs", pairing);
                }
            )
            .WithName("LogHelp")
            .RequirePermission(Permissions.FundsWrite)
            .WithSummary("Log help given within a 1+N pair")
            .WithDescription(
                "helpedOn and what was done; answers with the pair (last help, count). Requires If-Match (the "
                    + "pair's). 409 pairing_ended, help_before_pairing."
            )
            .WithIdempotency()
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
