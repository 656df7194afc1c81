using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Dividends.CloseObjection;

internal static class CloseObjectionEndpoint
{
    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapPost(
                "/objections/{id:guid}/close",
                async Task<Ok<ObjectionView>> (
                    Guid id,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var objection = await mediator.Send(
                        new CloseObjectionCommand(id, ETags.ParseIfMatch(ifMatch)),
                        cancellationToken
                    );
                    response.SetETag(objection.Version);
                    return TypedResults.Ok(objection);
                }
            )
            .WithName("ClosePlanObjection")
            .RequirePermission(Permissions.DividendsWrite)
            .WithSummary("Close an answered objection")
            .WithDescription("409 objection_not_answered before an answer; objection_wrong_status once closed.")
            .ProducesIfMatchProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
