using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;

namespace Jiceng.Modules.Members.RevealMemberData;

internal enum RevealableMemberField
{
    [Label("公民身份号码", "ID number")]
    IdNumber,

    [Label("联系电话", "Phone")]
    Phone,

    [Label("困难情况说明", "Hardship notes")]
    HardshipNotes,
}

/// <param name="Field">What to show whole.</param>
/// <param name="Reason">Why (5–200 characters); kept in the audit log.</param>
/// <param name="HardshipId">Which hardship entry's notes, when the field is HardshipNotes.</param>
internal sealed record RevealMemberDataRequest(RevealableMemberField? Field, string? Reason, Guid? HardshipId = null);

internal sealed record RevealedMemberData(Guid MemberId, RevealableMemberField Field, string? Value);

/// <summary>Shows one personal field whole: the reveal permission, a reason, an audit row, a per-hour limit.</summary>
internal sealed record RevealMemberDataCommand(Guid Id, RevealMemberDataRequest Body) : ICommand<RevealedMemberData>;

internal sealed class RevealMemberDataValidator : AbstractValidator<RevealMemberDataCommand>
{
    public RevealMemberDataValidator()
    {
        RuleFor(c => c.Body.Field).NotNull().IsInEnum();
        RuleFor(c => c.Body.HardshipId).NotNull().When(c => c.Body.Field == RevealableMemberField.HardshipNotes);
    }
}

internal sealed class RevealMemberDataHandler(
    DbSession db,
    CurrentScope currentScope,
    PersonalDataReveal reveal,
    PersonalDataProtector protector
) : ICommandHandler<RevealMemberDataCommand, RevealedMemberData>
{
    public async ValueTask<RevealedMemberData> Handle(
        RevealMemberDataCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var member = await MemberRecords.FindAsync(db, scope, command.Id, cancellationToken);
        var field = command.Body.Field!.Value;
        var cipher = field switch
        {
            RevealableMemberField.IdNumber => member.IdNumberCipher,
            RevealableMemberField.Phone => member.PhoneCipher,
            _ => await HardshipNotesCipher(member.Id, command.Body.HardshipId!.Value, cancellationToken),
        };
        var value = await reveal.RevealAsync(
            Permissions.MembersRevealPii,
            command.Body.Reason,
            "Member",
            member.Id.ToString(),
            member.OrgId,
            field.ToString(),
            () => cipher is null ? "" : protector.Decrypt(cipher),
            cancellationToken
        );
        return new RevealedMemberData(member.Id, field, cipher is null ? null : value);
    }

    private async Task<string?> HardshipNotesCipher(Guid memberId, Guid hardshipId, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync<string?>(
            Hardships.NotesSql,
            new { id = hardshipId, memberId },
            cancellationToken
        );
        return rows.Count > 0 ? rows[0] : throw new Infrastructure.Http.NotFoundException("Hardship");
    }
}
