using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.RevealMicroWishData;

internal enum RevealableWishField
{
    [Label("心愿人姓名", "Resident's name")]
    PersonName,

    [Label("心愿人电话", "Resident's phone")]
    PersonPhone,
}

/// <param name="Field">What to show whole.</param>
/// <param name="Reason">Why (5–200 characters); kept in the audit log.</param>
internal sealed record RevealMicroWishDataRequest(RevealableWishField? Field, string? Reason);

internal sealed record RevealedMicroWishData(Guid WishId, RevealableWishField Field, string? Value);

/// <summary>Shows the resident's name or phone whole: the reveal permission, a reason, an audit row, an hourly limit.
/// </summary>
internal sealed record RevealMicroWishDataCommand(Guid WishId, RevealMicroWishDataRequest Body)
    : ICommand<RevealedMicroWishData>;

internal sealed class RevealMicroWishDataValidator : AbstractValidator<RevealMicroWishDataCommand>
{
    public RevealMicroWishDataValidator() => RuleFor(c => c.Body.Field).NotNull().IsInEnum();
}

internal sealed class RevealMicroWishDataHandler(
    DbSession db,
    CurrentScope currentScope,
    PersonalDataReveal reveal,
    PersonalDataProtector protector
) : ICommandHandler<RevealMicroWishDataCommand, RevealedMicroWishData>
{
    public async ValueTask<RevealedMicroWishData> Handle(
        RevealMicroWishDataCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var wish = await MicroWishes.FindAsync(db, scope, command.WishId, cancellationToken);
        var field = command.Body.Field!.Value;
        var cipher = field == RevealableWishField.PersonName ? wish.PersonNameCipher : wish.PersonPhoneCipher;
        var value = await reveal.RevealAsync(
            MicroWishes.RevealPermission,
            command.Body.Reason,
            "MicroWish",
            wish.Id.ToString(),
            wish.OrgId,
            field.ToString(),
            () => cipher is null ? "" : protector.Decrypt(cipher),
            cancellationToken
        );
        return new RevealedMicroWishData(wish.Id, field, cipher is null ? null : value);
    }
}
