using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Volunteering.SetTeamLeader;

internal static class SetTeamLeaderEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/teams/{id:guid}/leader",
                async Task<Ok<TeamResponse>> (
                    Guid id,
                    SetTeamLeaderRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var team = await mediator.Send(
                        new SetTeamLeaderCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(team.Version);
                    return TypedResults.Ok(team);
                }
            )
            .WithName("SetVolunteerTeamLeader")
            .RequirePermission(Permissions.VolunteeringWrite)
            .WithSummary("Name the team's leader")
            .WithDescription(
                "Name the team's leader (队长), who must be a member of it. Requires If-Match (the team's ETag); "
                    + "someone outside the team is 409 leader_not_in_team."
            )
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
