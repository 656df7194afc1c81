using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Volunteering.GetActivity;

internal static class GetActivityEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/activities/{id:guid}",
                async Task<Ok<ActivityDetailsResponse>> (
                    Guid id,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var details = await mediator.Send(new GetActivityQuery(id), cancellationToken);
                    response.SetETag(details.Activity.Version);
                    return TypedResults.Ok(details);
                }
            )
            .WithName("GetVolunteerActivity")
            .RequirePermission(Permissions.VolunteeringRead)
            .WithSummary("An activity with its sign-ups, check-ins, check-outs, no-shows and credited hours")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
