using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Volunteering.ApproveLateEntry;

internal static class ApproveLateEntryEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/sessions/{id:guid}/approve",
                async Task<Ok<SessionResponse>> (
                    Guid id,
                    LateEntryDecisionRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var session = await mediator.Send(
                        new ApproveLateEntryCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(session.Version);
                    return TypedResults.Ok(session);
                }
            )
            .WithName("ApproveVolunteerLateEntry")
            .RequirePermission(Permissions.VolunteeringWrite)
            .WithSummary("Approve a late entry (补录)")
            .WithDescription(
                "Approve a late entry: its time is credited like a check-out. The coordinator who entered it cannot "
                    + "approve it (409 late_entry_self_approval). Requires If-Match."
            )
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
