using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Volunteering.GetTeam;

internal static class GetTeamEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/teams/{id:guid}",
                async Task<Ok<TeamDetailsResponse>> (
                    Guid id,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var details = await mediator.Send(new GetTeamQuery(id), cancellationToken);
                    response.SetETag(details.Team.Version);
                    return TypedResults.Ok(details);
                }
            )
            .WithName("GetVolunteerTeam")
            .RequirePermission(Permissions.VolunteeringRead)
            .WithSummary("A team with its leader and members (phones masked), each with hours and star level")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
