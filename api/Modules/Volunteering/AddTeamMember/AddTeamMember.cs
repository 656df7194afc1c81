using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.AddTeamMember;

internal sealed record AddTeamMemberRequest(Guid? VolunteerId);

/// <summary>Adds a registered volunteer (a party member or a resident) to a team.</summary>
internal sealed record AddTeamMemberCommand(Guid TeamId, long IfMatch, AddTeamMemberRequest Body)
    : ICommand<TeamResponse>;

internal sealed class AddTeamMemberValidator : AbstractValidator<AddTeamMemberCommand>
{
    public AddTeamMemberValidator() => RuleFor(c => c.Body.VolunteerId).NotNull();
}

internal sealed class AddTeamMemberHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    TimeProvider clock
) : ICommandHandler<AddTeamMemberCommand, TeamResponse>
{
    // The team's version guards the count: one conditional UPDATE, then the membership row (unique per pair).
    private const string CountSql = """
        UPDATE volunteer_teams SET member_count = member_count + 1, version = version + 1, updated_at = @now
        WHERE id = @teamId AND version = @version
          AND NOT EXISTS (SELECT 1 FROM volunteer_team_members WHERE team_id = @teamId AND volunteer_id = @volunteerId)
        """;

    private const string InsertSql = """
        INSERT INTO volunteer_team_members (team_id, volunteer_id, joined_at) VALUES (@teamId, @volunteerId, @now)
        """;

    public async ValueTask<TeamResponse> Handle(AddTeamMemberCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var team = await Teams.FindAsync(db, scope, command.TeamId, cancellationToken);
        if (team.Version != command.IfMatch)
        {
            throw new PreconditionFailedException();
        }
        VolunteerRow volunteer;
        try
        {
            volunteer = await Volunteers.FindAsync(db, scope, command.Body.VolunteerId!.Value, cancellationToken);
        }
        catch (NotFoundException)
        {
            throw VolunteeringErrors.VolunteerNotFound();
        }
        var parameters = new
        {
            teamId = team.Id,
            volunteerId = volunteer.Id,
            version = team.Version,
            now = clock.GetUtcNow(),
        };
        if (await db.ExecuteAsync(CountSql, parameters, cancellationToken) == 0)
        {
            var now = await Teams.FindAsync(db, scope, team.Id, cancellationToken);
            throw now.Version != team.Version ? new PreconditionFailedException() : VolunteeringErrors.AlreadyInTeam();
        }
        await db.ExecuteOrConflictAsync(InsertSql, parameters, VolunteeringErrors.AlreadyInTeam, cancellationToken);
        var row = await Teams.FindAsync(db, scope, team.Id, cancellationToken);
        return row.ToResponse(await organizations.NamesAsync([row.OrgId], cancellationToken));
    }
}
