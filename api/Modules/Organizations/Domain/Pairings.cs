using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;

namespace Jiceng.Modules.Organizations.Domain;

/// <summary>A pairing seen from one organization: the other side is the partner, whichever side created it.</summary>
internal sealed record PairingResponse
{
    public Guid Id { get; init; }
    public Guid OrganizationId { get; init; }
    public string OrganizationName { get; init; } = "";
    public Guid PartnerOrganizationId { get; init; }
    public string PartnerOrganizationName { get; init; } = "";
    public PairingKind Kind { get; init; }
    public DateOnly StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }
    public string? Notes { get; init; }
    public bool Active { get; init; }
    public long Version { get; init; }

    /// <summary>Seen from the given side: the other organization is always the partner.</summary>
    public PairingResponse SeenFrom(Guid organizationId, DateOnly today) =>
        (
            OrganizationId == organizationId
                ? this
                : this with
                {
                    OrganizationId = PartnerOrganizationId,
                    OrganizationName = PartnerOrganizationName,
                    PartnerOrganizationId = OrganizationId,
                    PartnerOrganizationName = OrganizationName,
                }
        ) with
        {
            Active = Pairings.IsActive(StartsOn, EndsOn, today),
        };
}

internal static class Pairings
{
    public const string FindSql = """
        SELECT p.id, p.org_id AS organization_id, o.name AS organization_name,
            p.partner_org_id AS partner_organization_id,
               po.name AS partner_organization_name, p.kind, p.starts_on, p.ends_on, p.notes, p.version
        FROM pairings p
        JOIN organizations o ON o.id = p.org_id
        JOIN organizations po ON po.id = p.partner_org_id
        WHERE p.id = @id AND (p.org_id = @orgId OR p.partner_org_id = @orgId)
        """;

    public static async Task<PairingResponse> LoadAsync(
        DbSession db,
        Guid organizationId,
        Guid id,
        DateOnly today,
        CancellationToken cancellationToken
    )
    {
        var pairing =
            await db.QuerySingleOrDefaultAsync<PairingResponse>(
                FindSql,
                new { id, orgId = organizationId },
                cancellationToken
            ) ?? throw new NotFoundException("Pairing");
        return pairing.SeenFrom(organizationId, today);
    }

    public static bool IsActive(DateOnly startsOn, DateOnly? endsOn, DateOnly today) =>
        startsOn <= today && (endsOn is null || endsOn >= today);
}

/// <summary>Dates and notes of a pairing, as created and revised.</summary>
internal sealed record PairingTerms(DateOnly? StartsOn, DateOnly? EndsOn, string? Notes);

internal sealed class PairingTermsValidator : AbstractValidator<PairingTerms>
{
    public PairingTermsValidator()
    {
        RuleFor(t => t.StartsOn).NotNull();
        RuleFor(t => t.EndsOn)
            .GreaterThanOrEqualTo(t => t.StartsOn!.Value)
            .When(t => t.StartsOn is not null && t.EndsOn is not null);
        RuleFor(t => t.Notes).MaximumLength(500);
    }
}
