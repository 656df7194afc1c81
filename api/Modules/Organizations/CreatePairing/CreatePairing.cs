using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.CreatePairing;

internal sealed record CreatePairingRequest(
    Guid? PartnerOrganizationId,
    PairingKind? Kind,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    string? Notes
);

/// <summary>包联 / 结对共建 between this organization and a partner (a unit's branch with a village or community).</summary>
internal sealed record CreatePairingCommand(Guid OrganizationId, CreatePairingRequest Body) : ICommand<PairingResponse>;

internal sealed class CreatePairingValidator : AbstractValidator<CreatePairingCommand>
{
    public CreatePairingValidator()
    {
        RuleFor(c => c.Body.PartnerOrganizationId)
            .NotEmpty()
            .NotEqual(c => c.OrganizationId)
            .WithMessage(_ =>
                Jiceng.Infrastructure.Localized.Text(
                    "不能与自身结对。",
                    "An organization cannot be paired with itself."
                )
            );
        RuleFor(c => c.Body.Kind).NotNull().IsInEnum();
        RuleFor(c => new PairingTerms(c.Body.StartsOn, c.Body.EndsOn, c.Body.Notes))
            .SetValidator(new PairingTermsValidator())
            .OverridePropertyName("Body");
    }
}

internal sealed class CreatePairingHandler(DbSession db, CurrentScope currentScope, TimeProvider clock)
    : ICommandHandler<CreatePairingCommand, PairingResponse>
{
    // Refuses a second open pairing of the same kind between the same two organizations, either way round.
    private const string InsertSql = """
        INSERT INTO pairings (id, org_id, partner_org_id, region_root_id, kind, starts_on, ends_on, notes, created_at,
            updated_at, version)
        SELECT @id, @orgId, @partnerId, @regionRootId, @kind, @startsOn, @endsOn, @notes, @now, @now, 1
        WHERE NOT EXISTS (
            SELECT 1 FROM pairings
            WHERE kind = @kind
              AND ((org_id = @orgId AND partner_org_id = @partnerId) OR (org_id = @partnerId AND partner_org_id =
                  @orgId))
              AND (ends_on IS NULL OR ends_on >= @startsOn))
        """;

    public async ValueTask<PairingResponse> Handle(CreatePairingCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var organization = await OrganizationTree.FindActiveAsync(db, scope, command.OrganizationId, cancellationToken);
        var partner = await OrganizationReferences.FindActiveAsync(
            db,
            scope,
            command.Body.PartnerOrganizationId!.Value,
            "partnerOrganizationId",
            cancellationToken
        );
        var id = Guid.CreateVersion7();
        var inserted = await db.ExecuteAsync(
            InsertSql,
            new
            {
                id,
                orgId = organization.Id,
                partnerId = partner.Id,
                regionRootId = organization.RegionRootId,
                kind = command.Body.Kind!.Value.ToString(),
                startsOn = command.Body.StartsOn!.Value,
                endsOn = command.Body.EndsOn,
                notes = command.Body.Notes,
                now = clock.GetUtcNow(),
            },
            cancellationToken
        );
        if (inserted == 0)
        {
            throw OrganizationErrors.PairingExists();
        }
        return await Pairings.LoadAsync(db, organization.Id, id, clock.Today(), cancellationToken);
    }
}
