using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Volunteering.CreateActivity;

internal static class CreateActivityEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/activities",
                async Task<Created<ActivityResponse>> (
                    CreateActivityRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var activity = await mediator.Send(new CreateActivityCommand(request), cancellationToken);
                    response.SetETag(activity.Version);
                    return TypedResults.Created($"/api/v1/volunteering/activities/{activity.Id}", activity);
                }
            )
            .WithName("CreateVolunteerActivity")
            .RequirePermission(Permissions.VolunteeringWrite)
            .WithSummary("Plan a volunteer activity")
            .WithDescription(
                "Plan a volunteer activity of an organization (optionally run by one of its teams): title, place, "
                    + "startsAt and endsAt (the scheduled time: no one is credited beyond it) and a quota of places."
            )
            .WithIdempotency()
            .ProducesValidationProblem();
}
