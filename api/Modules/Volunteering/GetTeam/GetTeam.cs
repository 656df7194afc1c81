using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.GetTeam;

internal sealed record GetTeamQuery(Guid Id) : IQuery<TeamDetailsResponse>;

/// <summary>A team with its members (name, kind, masked phone, hours and star), by name.</summary>
internal sealed record TeamDetailsResponse(TeamResponse Team, IReadOnlyList<VolunteerResponse> Members);

internal sealed class GetTeamHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    VolunteeringRuleSets rules
) : IQueryHandler<GetTeamQuery, TeamDetailsResponse>
{
    private const string MembersSql =
        "SELECT "
        + Volunteers.Columns
        + " FROM volunteer_team_members m JOIN volunteers v ON v.id = m.volunteer_id WHERE m.team_id = @id "
        + "ORDER BY v.name, v.id";

    public async ValueTask<TeamDetailsResponse> Handle(GetTeamQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var team = await Teams.FindAsync(db, scope, query.Id, cancellationToken);
        var members = await db.QueryAsync<VolunteerRow>(MembersSql, new { id = team.Id }, cancellationToken);
        var orgIds = members.Select(m => m.OrgId).Append(team.OrgId).Distinct().ToList();
        var names = await organizations.NamesAsync(orgIds, cancellationToken);
        var sections = await rules.ForAsync(orgIds, cancellationToken);
        return new TeamDetailsResponse(
            team.ToResponse(names),
            members.Select(m => m.ToResponse(names, sections[m.OrgId].Hours.StarThresholdHours)).ToList()
        );
    }
}
