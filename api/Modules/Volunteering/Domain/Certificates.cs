namespace Jiceng.Modules.Volunteering.Domain;

/// <summary>
/// A service certificate (志愿服务证明, 谁记录谁证明): what was recorded up to the day it was issued, with a number and
/// a check code anyone can verify on the public check page.
/// </summary>
internal static class Certificates
{
    public const string Columns =
        "c.id, c.org_id, c.volunteer_id, c.number, c.check_code, c.name_mask, c.credited_half_hours, c.star_level, "
        + "c.issued_on, c.issued_by";
}

internal sealed record CertificateRow
{
    public Guid Id { get; init; }
    public Guid OrgId { get; init; }
    public Guid VolunteerId { get; init; }
    public string Number { get; init; } = "";
    public string CheckCode { get; init; } = "";
    public string NameMask { get; init; } = "";
    public int CreditedHalfHours { get; init; }
    public int StarLevel { get; init; }
    public DateOnly IssuedOn { get; init; }
    public string IssuedBy { get; init; } = "";

    /// <summary>Read only by the print view (the full name is printed; every other answer masks it).</summary>
    public string VolunteerName { get; init; } = "";

    public CertificateResponse ToResponse() =>
        new(
            Id,
            VolunteerId,
            Number,
            CheckCode,
            ServiceHourRules.Hours(CreditedHalfHours),
            StarLevel,
            IssuedOn,
            IssuedBy
        );
}

internal sealed record CertificateResponse(
    Guid Id,
    Guid VolunteerId,
    string Number,
    string CheckCode,
    decimal TotalHours,
    int StarLevel,
    DateOnly IssuedOn,
    string IssuedBy
);
