using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Volunteering;

/// <summary>
/// The shape every step of a demand shares: POST /demands/{id}/{step} with If-Match (428 without, 412 stale),
/// volunteering.write, the demand with its timeline in answer and its new ETag; a step the state does not allow is
/// 409 demand_wrong_state with the allowed steps.
/// </summary>
internal static class DemandStepRoute
{
    public static void Map<TRequest>(
        RouteGroupBuilder group,
        string step,
        string name,
        Func<Guid, long, TRequest, ICommand<DemandResponse>> command,
        string summary
    ) =>
        group
            .MapPost(
                $"/demands/{{id:guid}}/{step}",
                async Task<Ok<DemandResponse>> (
                    Guid id,
                    TRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var version = ETags.ParseIfMatch(ifMatch);
                    // A generic parameter loses its nullability, so the framework lets an empty body through.
                    var body = request ?? throw new BadHttpRequestException("A non-empty request body is required.");
                    var demand = await mediator.Send(command(id, version, body), cancellationToken);
                    response.SetETag(demand.Version);
                    return TypedResults.Ok(demand);
                }
            )
            .WithName(name)
            .RequirePermission(Permissions.VolunteeringWrite)
            .WithSummary(summary)
            .WithDescription(
                summary
                    + " Requires If-Match; a step the demand's state does not allow is 409 demand_wrong_state with "
                    + "state and allowedSteps."
            )
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
