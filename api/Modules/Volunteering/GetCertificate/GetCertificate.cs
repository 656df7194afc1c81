using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.GetCertificate;

internal sealed record GetCertificateQuery(Guid Id) : IQuery<CertificatePrintResponse>;

/// <summary>What the print view shows: the certificate, the volunteer's full name, the issuing organization.</summary>
internal sealed record CertificatePrintResponse(
    CertificateResponse Certificate,
    string VolunteerName,
    string OrganizationName,
    string ServiceDescription
);

internal sealed class GetCertificateHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations
) : IQueryHandler<GetCertificateQuery, CertificatePrintResponse>
{
    private const string FindSql =
        "SELECT "
        + Certificates.Columns
        + ", v.name AS volunteer_name FROM volunteer_certificates c JOIN volunteers v ON v.id = c.volunteer_id "
        + "WHERE c.id = @id AND c.org_path >= @from AND c.org_path < @to";

    private const string ActivitiesSql = """
        SELECT COUNT(*) FROM volunteer_sessions s
        WHERE s.volunteer_id = @volunteerId AND s.state = 'Completed' AND s.service_day <= @issuedOn
        """;

    public async ValueTask<CertificatePrintResponse> Handle(
        GetCertificateQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var row =
            await db.QuerySingleOrDefaultAsync<CertificateRow>(
                FindSql,
                new
                {
                    id = query.Id,
                    from = scope.From,
                    to = scope.To,
                },
                cancellationToken
            ) ?? throw new NotFoundException("Certificate");
        var names = await organizations.NamesAsync([row.OrgId], cancellationToken);
        var count = await db.ExecuteScalarAsync<long>(
            ActivitiesSql,
            new { volunteerId = row.VolunteerId, issuedOn = row.IssuedOn },
            cancellationToken
        );
        var certificate = row.ToResponse();
        return new CertificatePrintResponse(
            certificate,
            row.VolunteerName,
            names.GetValueOrDefault(row.OrgId, ""),
            Jiceng.Infrastructure.Localized.Text(
                $"参加志愿服务活动 {count} 次，累计服务时长 {certificate.TotalHours} 小时。",
                $"Took part in {count} volunteer activities, {certificate.TotalHours} hours in total."
            )
        );
    }
}
