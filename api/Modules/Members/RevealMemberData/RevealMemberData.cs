using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;

namespace Jiceng.Modules.Members.RevealMemberData;

internal enum RevealableMemberField { IdNumber, Phone }

internal sealed record RevealMemberDataRequest(RevealableMemberField? Field, string? Reason);

internal sealed record RevealedMemberData(Guid MemberId, RevealableMemberField Field, string? Value);

/// <summary>Shows one personal field whole: the reveal permission, a reason, an audit row, a per-hour limit.</summary>
internal sealed record RevealMemberDataCommand(Guid Id, RevealMemberDataRequest Body) : ICommand<RevealedMemberData>;

internal sealed class RevealMemberDataValidator : AbstractValidator<RevealMemberDataCommand>
{
    public RevealMemberDataValidator() => RuleFor(c => c.Body.Field).NotNull().IsInEnum();
}

internal sealed class RevealMemberDataHandler(DbSession db, CurrentScope currentScope, PersonalDataReveal reveal, PersonalDataProtector protector)
    : ICommandHandler<RevealMemberDataCommand, RevealedMemberData>
{
    public async ValueTask<RevealedMemberData> Handle(RevealMemberDataCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var member = await MemberRecords.FindAsync(db, scope, command.Id, cancellationToken);
        var field = command.Body.Field!.Value;
        var cipher = field == RevealableMemberField.IdNumber ? member.IdNumberCipher : member.PhoneCipher;
        var value = await reveal.RevealAsync(Permissions.MembersRevealPii, command.Body.Reason, "Member", member.Id.ToString(), member.OrgId,
            field.ToString(), () => cipher is null ? "" : protector.Decrypt(cipher), cancellationToken);
        return new RevealedMemberData(member.Id, field, cipher is null ? null : value);
    }
}
