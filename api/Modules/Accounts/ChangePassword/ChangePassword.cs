using System.Security.Claims;
using System.Text.Json.Serialization;
using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Accounts.Domain;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Jiceng.Modules.Accounts.ChangePassword;

internal sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword) : ICommand<ClaimsPrincipal>
{
    /// <summary>The caller's session, which goes on with the new stamp (set by the endpoint, not JSON).</summary>
    [JsonIgnore]
    public Guid? SessionId { get; init; }
}

internal sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(PasswordPolicy.MaximumLength);
        RuleFor(c => c.NewPassword)
            .NotEmpty()
            .Must((c, p) => PasswordPolicy.Check(p, null, c.CurrentPassword) == PasswordProblem.None)
            .WithMessage(c => PasswordPolicy.MessageFor(PasswordPolicy.Check(c.NewPassword, null, c.CurrentPassword)));
    }
}

/// <summary>A new password and a new security stamp, which ends every other session of the user at once.</summary>
internal sealed class ChangePasswordHandler(DbSession db, CallerAccessor callers, TimeProvider clock)
    : ICommandHandler<ChangePasswordCommand, ClaimsPrincipal>
{
    private const string UpdateSql = """
        UPDATE users SET password_hash = @passwordHash, security_stamp = @securityStamp, updated_at = @now,
            version = version + 1
        WHERE id = @id AND version = @version
        """;

    // The new stamp already refuses them; revoking the rows says so in the table too.
    private const string RevokeOtherSessionsSql = """
        UPDATE user_sessions SET revoked_at = @now WHERE user_id = @userId AND id <> @sessionId AND revoked_at IS NULL
        """;

    public async ValueTask<ClaimsPrincipal> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var caller = callers.Current;
        var user =
            caller.Kind == CallerKind.User
                ? await db.QuerySingleOrDefaultAsync<UserRow>(
                    Users.FindByIdSql,
                    new { id = caller.Id },
                    cancellationToken
                )
                : null;
        if (user is null)
        {
            throw new NotFoundException("User");
        }
        if (
            new PasswordHasher<UserRow>().VerifyHashedPassword(user, user.PasswordHash, command.CurrentPassword)
            == PasswordVerificationResult.Failed
        )
        {
            throw AccountErrors.CurrentPasswordWrong();
        }
        var problem = PasswordPolicy.Check(command.NewPassword, user.Username, command.CurrentPassword);
        if (problem != PasswordProblem.None)
        {
            throw AccountErrors.WeakNewPassword(problem);
        }
        var stamp = Users.NewSecurityStamp();
        var updated = await db.ExecuteAsync(
            UpdateSql,
            new
            {
                id = user.Id,
                version = user.Version,
                passwordHash = Passwords.Hash(command.NewPassword),
                securityStamp = stamp,
                now = clock.GetUtcNow(),
            },
            cancellationToken
        );
        if (updated != 1)
        {
            throw new PreconditionFailedException();
        }
        var sessionId =
            command.SessionId
            ?? throw new InvalidOperationException("A signed-in user's principal carries its session.");
        await db.ExecuteAsync(
            RevokeOtherSessionsSql,
            new
            {
                userId = user.Id,
                sessionId,
                now = clock.GetUtcNow(),
            },
            cancellationToken
        );
        return (user with { SecurityStamp = stamp }).ToPrincipal(sessionId);
    }
}
