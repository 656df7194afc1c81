using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Assistance.DeclineCondolence;

internal static class DeclineCondolenceEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/condolences/{id:guid}/decline",
                async Task<Ok<CondolenceResponse>> (
                    Guid id,
                    DeclineCondolenceRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var condolence = await mediator.Send(
                        new DeclineCondolenceCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(condolence.Version);
                    return TypedResults.Ok(condolence);
                }
            )
            .WithName("DeclineCondolence")
            .RequirePermission(Permissions.FundsWrite)
            .WithSummary("Decline a proposed condolence payment")
            .WithDescription("Decline with a reason. Requires If-Match. 409 condolence_not_proposed.")
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
