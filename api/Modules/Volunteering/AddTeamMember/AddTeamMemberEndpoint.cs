using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Volunteering.AddTeamMember;

internal static class AddTeamMemberEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/teams/{id:guid}/members",
                async Task<Ok<TeamResponse>> (
                    Guid id,
                    AddTeamMemberRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var team = await mediator.Send(
                        new AddTeamMemberCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(team.Version);
                    return TypedResults.Ok(team);
                }
            )
            .WithName("AddVolunteerTeamMember")
            .RequirePermission(Permissions.VolunteeringWrite)
            .WithSummary("Add a volunteer to a team")
            .WithDescription(
                "Add a registered volunteer to the team. Requires If-Match (the team's ETag); a volunteer already in "
                    + "the team is 409 team_member_exists."
            )
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
