using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Volunteering.RecordNoShow;

internal static class RecordNoShowEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/sessions/{id:guid}/no-show",
                async Task<Ok<SessionResponse>> (
                    Guid id,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var session = await mediator.Send(
                        new RecordNoShowCommand(id, ETags.ParseIfMatch(ifMatch)),
                        cancellationToken
                    );
                    response.SetETag(session.Version);
                    return TypedResults.Ok(session);
                }
            )
            .WithName("RecordVolunteerNoShow")
            .RequirePermission(Permissions.VolunteeringWrite)
            .WithSummary("Record that a signed-up volunteer did not come")
            .WithDescription(
                "Record a no-show (after the start; before it is 409 no_show_too_early). Nothing is credited. "
                    + "Requires If-Match."
            )
            .ProducesIfMatchProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
