using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Members.RecordHardship;

internal static class RecordHardshipEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/{id:guid}/hardships",
                async Task<Created<HardshipResponse>> (
                    Guid id,
                    RecordHardshipRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var hardship = await mediator.Send(new RecordHardshipCommand(id, request), cancellationToken);
                    response.SetETag(hardship.Version);
                    return TypedResults.Created($"/api/v1/members/{id}/hardships", hardship);
                }
            )
            .WithName("RecordHardship")
            .RequirePermission(Permissions.MembersWrite)
            .WithSummary("Put a member on the hardship register")
            .WithDescription(
                "Put a member on the hardship register (困难党员): category, since, until; notes are encrypted and "
                    + "shown only to callers who may reveal personal data. "
                    + "An open entry already there is 409 hardship_open."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
