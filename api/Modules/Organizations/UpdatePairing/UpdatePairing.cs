using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.UpdatePairing;

/// <summary>Changes a pairing's dates or notes; ending a pairing is setting <c>endsOn</c>.</summary>
internal sealed record UpdatePairingCommand(
    Guid OrganizationId,
    Guid PairingId,
    long ExpectedVersion,
    PairingTerms Body
) : ICommand<PairingResponse>;

internal sealed class UpdatePairingValidator : AbstractValidator<UpdatePairingCommand>
{
    public UpdatePairingValidator() => RuleFor(c => c.Body).SetValidator(new PairingTermsValidator());
}

internal sealed class UpdatePairingHandler(
    DbSession db,
    CurrentScope currentScope,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<UpdatePairingCommand, PairingResponse>
{
    private const string UpdateSql = """
        UPDATE pairings
        SET starts_on = @startsOn, ends_on = @endsOn, notes = @notes, updated_at = @now, version = version + 1
        WHERE id = @pairingId AND (org_id = @orgId OR partner_org_id = @orgId) AND version = @expectedVersion
        """;

    public async ValueTask<PairingResponse> Handle(UpdatePairingCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        await OrganizationTree.FindAsync(db, scope, command.OrganizationId, cancellationToken);
        audit.SetBefore(
            await Pairings.LoadAsync(db, command.OrganizationId, command.PairingId, clock.Today(), cancellationToken)
        );
        var today = clock.Today();
        var updated = await db.ExecuteAsync(
            UpdateSql,
            new
            {
                pairingId = command.PairingId,
                orgId = command.OrganizationId,
                expectedVersion = command.ExpectedVersion,
                startsOn = command.Body.StartsOn!.Value,
                endsOn = command.Body.EndsOn,
                notes = command.Body.Notes,
                now = clock.GetUtcNow(),
            },
            cancellationToken
        );
        var pairing = await Pairings.LoadAsync(db, command.OrganizationId, command.PairingId, today, cancellationToken);
        return updated == 1 ? pairing : throw new PreconditionFailedException();
    }
}
