using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Volunteering.RecordLateEntry;

internal static class RecordLateEntryEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/activities/{id:guid}/late-entries",
                async Task<Created<SessionResponse>> (
                    Guid id,
                    LateEntryRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var session = await mediator.Send(new RecordLateEntryCommand(id, request), cancellationToken);
                    response.SetETag(session.Version);
                    return TypedResults.Created($"/api/v1/volunteering/sessions/{session.Id}", session);
                }
            )
            .WithName("RecordVolunteerLateEntry")
            .RequirePermission(Permissions.VolunteeringWrite)
            .WithSummary("Record service at a past activity afterwards (补录)")
            .WithDescription(
                "Record a volunteer's service at an activity that has ended, with check-in and check-out times, the "
                    + "evidence and a reason; it waits for another coordinator's approval. 409 late_entry_not_past "
                    + "before the end, already_signed_up, session_overlaps."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
