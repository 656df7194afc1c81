using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Volunteering.GetVolunteer;

internal static class GetVolunteerEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/volunteers/{id:guid}",
                async Task<Ok<VolunteerDetailsResponse>> (
                    Guid id,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var details = await mediator.Send(new GetVolunteerQuery(id), cancellationToken);
                    response.SetETag(details.Volunteer.Version);
                    return TypedResults.Ok(details);
                }
            )
            .WithName("GetVolunteer")
            .RequirePermission(Permissions.VolunteeringRead)
            .WithSummary("A volunteer: hours, star level, hours to the next star, sessions, teams and certificates")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
