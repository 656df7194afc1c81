using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.IssueCertificate;

/// <summary>
/// Issues a service certificate for what is recorded today (《志愿服务记录与证明出具办法（试行）》: 谁记录谁证明, so the
/// volunteer's own organization issues it): a number, a check code, the masked name, hours and star level.
/// </summary>
internal sealed record IssueCertificateCommand(Guid VolunteerId) : ICommand<CertificateResponse>;

internal sealed class IssueCertificateHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    VolunteeringRuleSets rules,
    TimeProvider clock
) : ICommandHandler<IssueCertificateCommand, CertificateResponse>
{
    private const string InsertSql = """
        INSERT INTO volunteer_certificates (id, org_id, org_path, region_root_id, volunteer_id, number, check_code,
            name_mask, credited_half_hours, star_level, issued_on, issued_by, created_at)
        SELECT @id, v.org_id, v.org_path, v.region_root_id, v.id, @number, @checkCode, @nameMask, @halfHours,
            @starLevel, @issuedOn, @issuedBy, @now
        FROM volunteers v WHERE v.id = @volunteerId
        """;

    private const string FindSql = "SELECT " + Certificates.Columns + " FROM volunteer_certificates c WHERE c.id = @id";

    public async ValueTask<CertificateResponse> Handle(
        IssueCertificateCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var volunteer = await Volunteers.FindAsync(db, scope, command.VolunteerId, cancellationToken);
        if (volunteer.HalfHours == 0)
        {
            throw VolunteeringErrors.CertificateWithoutHours();
        }
        var thresholds = (await rules.ForAsync(volunteer.OrgId, cancellationToken)).Hours.StarThresholdHours;
        var id = Guid.CreateVersion7();
        var today = clock.Today();
        await db.ExecuteAsync(
            InsertSql,
            new
            {
                id,
                number = CertificateCodes.Number(today.Year, id),
                checkCode = CertificateCodes.New(),
                nameMask = PersonalDataMask.Name(volunteer.Name),
                halfHours = volunteer.HalfHours,
                starLevel = ServiceHourRules.StarLevel(volunteer.HalfHours, thresholds),
                issuedOn = today,
                issuedBy = callers.Current.ShownName,
                now = clock.GetUtcNow(),
                volunteerId = volunteer.Id,
            },
            cancellationToken
        );
        var row = await db.QuerySingleOrDefaultAsync<CertificateRow>(FindSql, new { id }, cancellationToken);
        return row!.ToResponse();
    }
}
