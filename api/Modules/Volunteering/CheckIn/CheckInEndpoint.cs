using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Volunteering.CheckIn;

internal static class CheckInEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/sessions/{id:guid}/check-in",
                async Task<Ok<SessionResponse>> (
                    Guid id,
                    AttendanceRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var session = await mediator.Send(
                        new CheckInCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(session.Version);
                    return TypedResults.Ok(session);
                }
            )
            .WithName("CheckInVolunteer")
            .RequirePermission(Permissions.VolunteeringWrite)
            .WithSummary("Check a signed-up volunteer in")
            .WithDescription(
                "Check a signed-up volunteer in now, with its evidence: Organizer, SiteCode (code: the six digits "
                    + "shown at the place) or ServedPerson (note: who confirmed). "
                    + "Open from an hour before the start to the "
                    + "end (409 check_in_not_open); a wrong code is 409 site_code_wrong. Requires If-Match."
            )
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
