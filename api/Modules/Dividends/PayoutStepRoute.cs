using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Dividends;

/// The shape of a step on one payout ledger entry: POST /payouts/{id}/{step} with If-Match (the entry's version),
/// answered with the entry written (the same one, or the new entry that follows it) and its ETag.
internal static class PayoutStepRoute
{
    public static RouteHandlerBuilder Map<TRequest>(
        RouteGroupBuilder group,
        string step,
        string name,
        Func<Guid, long, TRequest, ICommand<PayoutView>> command,
        string summary,
        string description
    ) =>
        group
            .MapPost(
                $"/payouts/{{id:guid}}/{step}",
                async Task<Ok<PayoutView>> (
                    Guid id,
                    TRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var version = ETags.ParseIfMatch(ifMatch);
                    var payout = await mediator.Send(
                        command(
                            id,
                            version,
                            request ?? throw new BadHttpRequestException("A non-empty request body is required.")
                        ),
                        cancellationToken
                    );
                    response.SetETag(payout.Version);
                    return TypedResults.Ok(payout);
                }
            )
            .WithName(name)
            .RequirePermission(Permissions.DividendsWrite)
            .WithSummary(summary)
            .WithDescription(description)
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
