using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Dividends.AnswerObjection;

internal static class AnswerObjectionEndpoint
{
    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapPost(
                "/objections/{id:guid}/answer",
                async Task<Ok<ObjectionView>> (
                    Guid id,
                    AnswerObjectionRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var objection = await mediator.Send(
                        new AnswerObjectionCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(objection.Version);
                    return TypedResults.Ok(objection);
                }
            )
            .WithName("AnswerPlanObjection")
            .RequirePermission(Permissions.DividendsWrite)
            .WithSummary("Answer an objection")
            .WithDescription("Records the answer; 409 objection_wrong_status once closed.")
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
