using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.RecordObjection;

internal static class RecordObjectionEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/plans/{id:guid}/objections",
                async Task<Created<ObjectionView>> (
                    Guid id,
                    RecordObjectionRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var objection = await mediator.Send(new RecordObjectionCommand(id, request), cancellationToken);
                    response.SetETag(objection.Version);
                    return TypedResults.Created($"/api/v1/dividends/plans/{id}/objections", objection);
                }
            )
            .WithName("RecordPlanObjection")
            .RequirePermission(Permissions.DividendsWrite)
            .WithSummary("Record an objection to a plan on notice")
            .WithDescription(
                "Objections are recorded while the plan is on notice or approved and not yet paid out; each blocks "
                    + "approval and payouts until answered and closed. Takes Idempotency-Key."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
