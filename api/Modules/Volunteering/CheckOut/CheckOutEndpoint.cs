using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Volunteering.CheckOut;

internal static class CheckOutEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/sessions/{id:guid}/check-out",
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
                        new CheckOutCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(session.Version);
                    return TypedResults.Ok(session);
                }
            )
            .WithName("CheckOutVolunteer")
            .RequirePermission(Permissions.VolunteeringWrite)
            .WithSummary("Check a volunteer out and credit the time")
            .WithDescription(
                "Check a checked-in volunteer out now, with its evidence: the time inside the scheduled window is "
                    + "rounded by the region's rule, capped by the daily limit, and credited (the session completes). "
                    + "Requires If-Match; other states are 409 session_wrong_state with allowedSteps."
            )
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
