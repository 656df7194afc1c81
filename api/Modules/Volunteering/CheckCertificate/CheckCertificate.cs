using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.CheckCertificate;

/// <summary>
/// The public check of a certificate's code: anyone (an employer, a school) may confirm a certificate is genuine.
/// It shows only what the paper already shows and nothing that identifies the person beyond it: the masked name,
/// the hours, the star level, the number and the day of issue.
/// </summary>
internal sealed record CheckCertificateQuery(string Code) : IQuery<CertificateCheckResponse>;

internal sealed record CertificateCheckResponse(
    string Number,
    string NameMasked,
    decimal TotalHours,
    int StarLevel,
    DateOnly IssuedOn
);

internal sealed class CheckCertificateHandler(DbSession db)
    : IQueryHandler<CheckCertificateQuery, CertificateCheckResponse>
{
    private const string FindSql =
        "SELECT " + Certificates.Columns + " FROM volunteer_certificates c " + "WHERE c.check_code = @code";

    public async ValueTask<CertificateCheckResponse> Handle(
        CheckCertificateQuery query,
        CancellationToken cancellationToken
    )
    {
        // A mistyped code never reaches the database; both answers are the same 404, so neither says which it was.
        var code = CertificateCodes.Normalize(query.Code) ?? throw new NotFoundException("Certificate");
        var row =
            await db.QuerySingleOrDefaultAsync<CertificateRow>(FindSql, new { code }, cancellationToken)
            ?? throw new NotFoundException("Certificate");
        return new CertificateCheckResponse(
            row.Number,
            row.NameMask,
            ServiceHourRules.Hours(row.CreditedHalfHours),
            row.StarLevel,
            row.IssuedOn
        );
    }
}
