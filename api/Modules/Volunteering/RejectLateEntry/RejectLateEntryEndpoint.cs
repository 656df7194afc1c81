using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Volunteering.RejectLateEntry;

internal static class RejectLateEntryEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/sessions/{id:guid}/reject",
                async Task<Ok<SessionResponse>> (
                    Guid id,
                    RejectLateEntryRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var session = await mediator.Send(
                        new RejectLateEntryCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(session.Version);
                    return TypedResults.Ok(session);
                }
            )
            .WithName("RejectVolunteerLateEntry")
            .RequirePermission(Permissions.VolunteeringWrite)
            .WithSummary("Refuse a late entry (补录) with a reason")
            .WithDescription(
                "Refuse a late entry with a reason: nothing is credited. Requires If-Match; a session not awaiting "
                    + "approval is 409 session_wrong_state."
            )
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
