using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.RevealDemandRequester;

internal enum RevealableRequesterField
{
    [Label("点单人姓名", "Requester's name")]
    RequesterName,

    [Label("点单人联系电话", "Requester's phone")]
    RequesterPhone,
}

/// <param name="Field">What to show whole.</param>
/// <param name="Reason">Why (5–200 characters); kept in the audit log.</param>
internal sealed record RevealDemandRequesterRequest(RevealableRequesterField? Field, string? Reason);

internal sealed record RevealedRequesterData(Guid DemandId, RevealableRequesterField Field, string Value);

/// <summary>
/// Shows the requester's name or phone whole, to call them back: volunteering.write (the coordinators who serve the
/// requester), a reason, one audit row, the per-hour limit, as members' data.
/// </summary>
internal sealed record RevealDemandRequesterCommand(Guid Id, RevealDemandRequesterRequest Body)
    : ICommand<RevealedRequesterData>;

internal sealed class RevealDemandRequesterValidator : AbstractValidator<RevealDemandRequesterCommand>
{
    public RevealDemandRequesterValidator() => RuleFor(c => c.Body.Field).NotNull().IsInEnum();
}

internal sealed class RevealDemandRequesterHandler(
    DbSession db,
    CurrentScope currentScope,
    PersonalDataReveal reveal,
    PersonalDataProtector protector
) : ICommandHandler<RevealDemandRequesterCommand, RevealedRequesterData>
{
    public async ValueTask<RevealedRequesterData> Handle(
        RevealDemandRequesterCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var demand = await Demands.FindAsync(db, scope, command.Id, cancellationToken);
        var field = command.Body.Field!.Value;
        var cipher =
            field == RevealableRequesterField.RequesterName ? demand.RequesterNameCipher : demand.RequesterPhoneCipher;
        var value = await reveal.RevealAsync(
            Permissions.VolunteeringRevealPii,
            command.Body.Reason,
            "Demand",
            demand.Id.ToString(),
            demand.OrgId,
            field.ToString(),
            () => protector.Decrypt(cipher),
            cancellationToken
        );
        return new RevealedRequesterData(demand.Id, field, value);
    }
}
