using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.SetTeamLeader;

internal sealed record SetTeamLeaderRequest(Guid? VolunteerId);

/// <summary>Names the team's leader (队长) among its members.</summary>
internal sealed record SetTeamLeaderCommand(Guid TeamId, long IfMatch, SetTeamLeaderRequest Body)
    : ICommand<TeamResponse>;

internal sealed class SetTeamLeaderValidator : AbstractValidator<SetTeamLeaderCommand>
{
    public SetTeamLeaderValidator() => RuleFor(c => c.Body.VolunteerId).NotNull();
}

internal sealed class SetTeamLeaderHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    TimeProvider clock
) : ICommandHandler<SetTeamLeaderCommand, TeamResponse>
{
    private const string UpdateSql = """
        UPDATE volunteer_teams SET leader_id = @volunteerId, version = version + 1, updated_at = @now
        WHERE id = @teamId AND version = @version
          AND EXISTS (SELECT 1 FROM volunteer_team_members WHERE team_id = @teamId AND volunteer_id = @volunteerId)
        """;

    public async ValueTask<TeamResponse> Handle(SetTeamLeaderCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var team = await Teams.FindAsync(db, scope, command.TeamId, cancellationToken);
        if (team.Version != command.IfMatch)
        {
            throw new PreconditionFailedException();
        }
        var changed = await db.ExecuteAsync(
            UpdateSql,
            new
            {
                teamId = team.Id,
                volunteerId = command.Body.VolunteerId!.Value,
                version = team.Version,
                now = clock.GetUtcNow(),
            },
            cancellationToken
        );
        var row = await Teams.FindAsync(db, scope, team.Id, cancellationToken);
        if (changed == 0)
        {
            throw row.Version != team.Version
                ? new PreconditionFailedException()
                : VolunteeringErrors.LeaderNotInTeam();
        }
        return row.ToResponse(await organizations.NamesAsync([row.OrgId], cancellationToken));
    }
}
