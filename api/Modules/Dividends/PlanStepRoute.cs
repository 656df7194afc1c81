using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Dividends;

/// The shape every plan step's route shares: POST /plans/{id}/{step} with If-Match, the updated plan (and its ETag)
/// in answer; a step out of order or at the wrong stage is 409 with a stable code.
internal static class PlanStepRoute
{
    public static RouteHandlerBuilder Map<TRequest>(
        RouteGroupBuilder group,
        string step,
        string name,
        string permission,
        Func<Guid, long, TRequest, ICommand<PlanView>> command,
        string summary,
        string description
    ) =>
        group
            .MapPost(
                $"/plans/{{id:guid}}/{step}",
                async Task<Ok<PlanView>> (
                    Guid id,
                    TRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var version = ETags.ParseIfMatch(ifMatch);
                    var plan = await mediator.Send(
                        command(
                            id,
                            version,
                            request ?? throw new BadHttpRequestException("A non-empty request body is required.")
                        ),
                        cancellationToken
                    );
                    response.SetETag(plan.Version);
                    return TypedResults.Ok(plan);
                }
            )
            .WithName(name)
            .RequirePermission(permission)
            .WithSummary(summary)
            .WithDescription(description)
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
