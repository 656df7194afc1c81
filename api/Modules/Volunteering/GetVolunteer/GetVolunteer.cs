using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.GetVolunteer;

internal sealed record GetVolunteerQuery(Guid Id) : IQuery<VolunteerDetailsResponse>;

/// <summary>A volunteer with their sessions (newest first), teams and certificates.</summary>
internal sealed record VolunteerDetailsResponse(
    VolunteerResponse Volunteer,
    IReadOnlyList<SessionResponse> Sessions,
    IReadOnlyList<string> Teams,
    IReadOnlyList<CertificateResponse> Certificates,
    decimal? HoursToNextStar
);

internal sealed class GetVolunteerHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    VolunteeringRuleSets rules
) : IQueryHandler<GetVolunteerQuery, VolunteerDetailsResponse>
{
    private const string SessionsSql =
        "SELECT "
        + Sessions.Columns
        + " "
        + Sessions.From
        + " WHERE s.volunteer_id = @id ORDER BY s.starts_at DESC, s.id";

    private const string TeamsSql = """
        SELECT t.name FROM volunteer_team_members m JOIN volunteer_teams t ON t.id = m.team_id
        WHERE m.volunteer_id = @id ORDER BY t.name
        """;

    private const string CertificatesSql =
        "SELECT "
        + Certificates.Columns
        + " FROM volunteer_certificates c WHERE c.volunteer_id = @id "
        + "ORDER BY c.created_at DESC";

    public async ValueTask<VolunteerDetailsResponse> Handle(
        GetVolunteerQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var row = await Volunteers.FindAsync(db, scope, query.Id, cancellationToken);
        var names = await organizations.NamesAsync([row.OrgId], cancellationToken);
        var thresholds = (await rules.ForAsync(row.OrgId, cancellationToken)).Hours.StarThresholdHours;
        var sessions = await db.QueryAsync<SessionRow>(SessionsSql, new { id = row.Id }, cancellationToken);
        var teams = await db.QueryAsync<string>(TeamsSql, new { id = row.Id }, cancellationToken);
        var certificates = await db.QueryAsync<CertificateRow>(CertificatesSql, new { id = row.Id }, cancellationToken);
        var volunteer = row.ToResponse(names, thresholds);
        decimal? toNext =
            volunteer.StarLevel < thresholds.Count ? thresholds[volunteer.StarLevel] - volunteer.TotalHours : null;
        return new VolunteerDetailsResponse(
            volunteer,
            sessions.Select(s => s.ToResponse()).ToList(),
            teams,
            certificates.Select(c => c.ToResponse()).ToList(),
            toNext
        );
    }
}
