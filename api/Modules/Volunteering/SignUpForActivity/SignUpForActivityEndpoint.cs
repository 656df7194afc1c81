using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Volunteering.SignUpForActivity;

internal static class SignUpForActivityEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/activities/{id:guid}/sign-ups",
                async Task<Created<SessionResponse>> (
                    Guid id,
                    SignUpRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var session = await mediator.Send(new SignUpCommand(id, request), cancellationToken);
                    response.SetETag(session.Version);
                    return TypedResults.Created($"/api/v1/volunteering/sessions/{session.Id}", session);
                }
            )
            .WithName("SignUpForVolunteerActivity")
            .RequirePermission(Permissions.VolunteeringWrite)
            .WithSummary("Sign a volunteer up for an activity")
            .WithDescription(
                "Sign a volunteer up: 409 activity_full when the quota is taken (one conditional statement, so never "
                    + "more than the quota), activity_over after the end, already_signed_up, or session_overlaps when "
                    + "the person serves elsewhere at that time."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
