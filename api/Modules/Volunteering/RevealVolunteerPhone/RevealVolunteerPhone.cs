using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.RevealVolunteerPhone;

internal sealed record RevealVolunteerPhoneRequest(string? Reason);

/// <summary>A resident volunteer's phone in full: the reveal permission, a reason, one audit row.</summary>
internal sealed record RevealVolunteerPhoneCommand(Guid Id, RevealVolunteerPhoneRequest Body)
    : ICommand<RevealedVolunteerPhone>;

internal sealed record RevealedVolunteerPhone(string? Phone);

internal sealed class RevealVolunteerPhoneValidator : AbstractValidator<RevealVolunteerPhoneCommand>
{
    public RevealVolunteerPhoneValidator() => RuleFor(c => c.Body.Reason).NotEmpty().MaximumLength(200);
}

internal sealed class RevealVolunteerPhoneHandler(
    DbSession db,
    CurrentScope currentScope,
    PersonalDataReveal reveal,
    PersonalDataProtector protector
) : ICommandHandler<RevealVolunteerPhoneCommand, RevealedVolunteerPhone>
{
    private const string CipherSql =
        "SELECT phone_cipher FROM volunteers WHERE id = @id AND org_path >= @from AND org_path < @to";

    public async ValueTask<RevealedVolunteerPhone> Handle(
        RevealVolunteerPhoneCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var volunteer = await Volunteers.FindAsync(db, scope, command.Id, cancellationToken);
        var cipher = await db.ExecuteScalarAsync<string?>(
            CipherSql,
            new
            {
                id = volunteer.Id,
                from = scope.From,
                to = scope.To,
            },
            cancellationToken
        );
        var phone = await reveal.RevealAsync(
            Permissions.VolunteeringRevealPii,
            command.Body.Reason,
            "Volunteer",
            command.Id.ToString(),
            volunteer.OrgId,
            "Phone",
            () => cipher is null ? "" : protector.Decrypt(cipher),
            cancellationToken
        );
        return new RevealedVolunteerPhone(phone.Length == 0 ? null : phone);
    }
}
