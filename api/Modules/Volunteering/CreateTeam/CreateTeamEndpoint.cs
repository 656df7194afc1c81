using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Volunteering.CreateTeam;

internal static class CreateTeamEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/teams",
                async Task<Created<TeamResponse>> (
                    CreateTeamRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var team = await mediator.Send(new CreateTeamCommand(request), cancellationToken);
                    response.SetETag(team.Version);
                    return TypedResults.Created($"/api/v1/volunteering/teams/{team.Id}", team);
                }
            )
            .WithName("CreateVolunteerTeam")
            .RequirePermission(Permissions.VolunteeringWrite)
            .WithSummary("Set up a party volunteer team (党员志愿服务队)")
            .WithDescription(
                "Set up a party volunteer team under an organization, with its skills; the same name twice under one "
                    + "organization is 409 team_name_taken."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
