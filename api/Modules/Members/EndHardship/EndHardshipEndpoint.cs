using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Members.EndHardship;

internal static class EndHardshipEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPut(
                "/{id:guid}/hardships/{hardshipId:guid}",
                async Task<Ok<HardshipResponse>> (
                    Guid id,
                    Guid hardshipId,
                    EndHardshipRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var hardship = await mediator.Send(
                        new EndHardshipCommand(id, hardshipId, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(hardship.Version);
                    return TypedResults.Ok(hardship);
                }
            )
            .WithName("EndHardship")
            .RequirePermission(Permissions.MembersWrite)
            .WithSummary(
                "End a hardship entry on a day (it stays as history). Requires "
                    + "If-Match; an entry already ended is 409 hardship_ended."
            )
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
