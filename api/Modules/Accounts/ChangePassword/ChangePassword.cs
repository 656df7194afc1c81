using System.Security.Claims;
using FluentValidation;
using FluentValidation.Results;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Accounts.Domain;
using Jiceng.Modules.Accounts.SignIn;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Jiceng.Modules.Accounts.ChangePassword;

internal sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword) : ICommand<ClaimsPrincipal>;

internal sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(PasswordPolicy.MaximumLength);
        RuleFor(c => c.NewPassword).NotEmpty().Must(p => p is null || PasswordPolicy.IsAcceptable(p, null)).WithMessage(_ => PasswordPolicy.Message);
    }
}

/// <summary>A new password and a new security stamp, which ends every other session of the user at once.</summary>
internal sealed class ChangePasswordHandler(DbSession db, CallerAccessor callers, TimeProvider clock) : ICommandHandler<ChangePasswordCommand, ClaimsPrincipal>
{
    private const string UpdateSql = """
        UPDATE users SET password_hash = @passwordHash, security_stamp = @securityStamp, updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version
        """;

    public async ValueTask<ClaimsPrincipal> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var caller = callers.Current;
        var user = caller.Kind == CallerKind.User
            ? await db.QuerySingleOrDefaultAsync<UserRow>(Users.FindByIdSql, new { id = caller.Id }, cancellationToken)
            : null;
        if (user is null)
        {
            throw new NotFoundException("User");
        }
        if (new PasswordHasher<UserRow>().VerifyHashedPassword(user, user.PasswordHash, command.CurrentPassword) == PasswordVerificationResult.Failed)
        {
            throw new ValidationException([new ValidationFailure("currentPassword", Localized.Text("当前密码不正确。", "The current password is wrong."))]);
        }
        if (!PasswordPolicy.IsAcceptable(command.NewPassword, user.Username))
        {
            throw new ValidationException([new ValidationFailure("newPassword", PasswordPolicy.Message)]);
        }
        var stamp = Users.NewSecurityStamp();
        var updated = await db.ExecuteAsync(UpdateSql, new
        {
            id = user.Id,
            version = user.Version,
            passwordHash = SignInHandler.HashPassword(command.NewPassword),
            securityStamp = stamp,
            now = clock.GetUtcNow(),
        }, cancellationToken);
        return updated == 1 ? (user with { SecurityStamp = stamp }).ToPrincipal() : throw new PreconditionFailedException();
    }
}
