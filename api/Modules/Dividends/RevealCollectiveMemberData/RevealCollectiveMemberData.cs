using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Mediator;

namespace Jiceng.Modules.Dividends.RevealCollectiveMemberData;

internal enum RevealableCollectiveMemberField
{
    [Label("公民身份号码", "ID number")]
    IdNumber,

    [Label("银行账号", "Bank account")]
    BankAccount,
}

/// <param name="Field">What to show whole.</param>
/// <param name="Reason">Why (5–200 characters); kept in the audit log.</param>
internal sealed record RevealCollectiveMemberDataRequest(RevealableCollectiveMemberField? Field, string? Reason);

internal sealed record RevealedCollectiveMemberData(
    Guid MemberId,
    RevealableCollectiveMemberField Field,
    string? Value
);

/// <summary>Shows a collective member's ID number or bank account whole: permission, reason, audit row, hourly limit.
/// </summary>
internal sealed record RevealCollectiveMemberDataCommand(Guid Id, RevealCollectiveMemberDataRequest Body)
    : ICommand<RevealedCollectiveMemberData>;

internal sealed class RevealCollectiveMemberDataValidator : AbstractValidator<RevealCollectiveMemberDataCommand>
{
    public RevealCollectiveMemberDataValidator() => RuleFor(c => c.Body.Field).NotNull().IsInEnum();
}

internal sealed class RevealCollectiveMemberDataHandler(
    DbSession db,
    CurrentScope currentScope,
    PersonalDataReveal reveal,
    PersonalDataProtector protector
) : ICommandHandler<RevealCollectiveMemberDataCommand, RevealedCollectiveMemberData>
{
    private const string FindSql = """
        SELECT id, org_id, id_number_cipher, bank_account_cipher FROM collective_members
        WHERE id = @id AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<RevealedCollectiveMemberData> Handle(
        RevealCollectiveMemberDataCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var member =
            await db.QuerySingleOrDefaultAsync<MemberRow>(
                FindSql,
                new
                {
                    id = command.Id,
                    from = scope.From,
                    to = scope.To,
                },
                cancellationToken
            ) ?? throw new NotFoundException("CollectiveMember");
        var field = command.Body.Field!.Value;
        var cipher =
            field == RevealableCollectiveMemberField.IdNumber ? member.IdNumberCipher : member.BankAccountCipher;
        var value = await reveal.RevealAsync(
            Permissions.DividendsRevealPii,
            command.Body.Reason,
            "CollectiveMember",
            member.Id.ToString(),
            member.OrgId,
            field.ToString(),
            () => cipher is null ? "" : protector.Decrypt(cipher),
            cancellationToken
        );
        return new(member.Id, field, cipher is null ? null : value);
    }

    private sealed record MemberRow
    {
        public Guid Id { get; init; }
        public Guid OrgId { get; init; }
        public string IdNumberCipher { get; init; } = "";
        public string? BankAccountCipher { get; init; }
    }
}
