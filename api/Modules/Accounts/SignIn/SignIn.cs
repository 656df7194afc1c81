using System.Security.Claims;
using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Accounts.Domain;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Jiceng.Modules.Accounts.SignIn;

internal sealed record SignInCommand(string Username, string Password) : ICommand<SignInResult>;

internal enum SignInOutcome
{
    SignedIn,
    InvalidCredentials,
    LockedOut,
}

internal sealed record SignInResult(SignInOutcome Outcome, ClaimsPrincipal? Principal, DateTimeOffset? LockedUntil);

internal sealed class SignInValidator : AbstractValidator<SignInCommand>
{
    public SignInValidator()
    {
        RuleFor(c => c.Username).NotEmpty().MaximumLength(50);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(PasswordPolicy.MaximumLength);
    }
}

/// <summary>
/// Checks a password (ASP.NET Core's PasswordHasher). Five failures lock the account for 15 minutes; every
/// attempt, failed or not, is audited, and a failure commits its audit row and counter (it is an answer,
/// not an exception).
/// </summary>
internal sealed class SignInHandler(DbSession db, TimeProvider clock, AuditTrail audit, CallerAccessor callers) : ICommandHandler<SignInCommand, SignInResult>
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutPeriod = TimeSpan.FromMinutes(15);

    // One statement: a lock that has expired restarts the count, the fifth failure in a row locks.
    private const string RecordFailureSql = """
        UPDATE users SET
            failed_attempts = CASE WHEN locked_until IS NOT NULL AND locked_until <= @now THEN 1 ELSE failed_attempts + 1 END,
            locked_until = CASE
                WHEN (CASE WHEN locked_until IS NOT NULL AND locked_until <= @now THEN 1 ELSE failed_attempts + 1 END) >= @maxFailures THEN @lockUntil
                ELSE NULL END
        WHERE id = @id
        """;

    // Conditional: a right guess in a burst of parallel guesses must not clear a lock another one just set.
    private const string RecordSuccessSql = """
        UPDATE users SET failed_attempts = 0, locked_until = NULL, password_hash = @passwordHash
        WHERE id = @id AND (locked_until IS NULL OR locked_until <= @now)
        """;

    private static readonly PasswordHasher<UserRow> Hasher = new();

    public async ValueTask<SignInResult> Handle(SignInCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var user = await db.QuerySingleOrDefaultAsync<UserRow>(Users.FindByUsernameSql, new { username = Users.Normalize(command.Username) }, cancellationToken);
        if (user is null || !user.Enabled)
        {
            audit.Record(new AuditRecord("SignInFailed", "User", user?.Id.ToString(), user?.ScopeOrgId, null, new { username = command.Username }));
            return new SignInResult(SignInOutcome.InvalidCredentials, null, null);
        }
        if (user.LockedUntil > now)
        {
            audit.Record(new AuditRecord("SignInLockedOut", "User", user.Id.ToString(), user.ScopeOrgId, null, new { username = user.Username }));
            return new SignInResult(SignInOutcome.LockedOut, null, user.LockedUntil);
        }
        var verified = Hasher.VerifyHashedPassword(user, user.PasswordHash, command.Password);
        if (verified == PasswordVerificationResult.Failed)
        {
            await db.ExecuteAsync(RecordFailureSql, new { id = user.Id, now, maxFailures = MaxFailures, lockUntil = now + LockoutPeriod }, cancellationToken);
            var after = await db.QuerySingleOrDefaultAsync<UserRow>(Users.FindByIdSql, new { id = user.Id }, cancellationToken);
            audit.Record(new AuditRecord("SignInFailed", "User", user.Id.ToString(), user.ScopeOrgId, null, new { username = user.Username, after!.FailedAttempts }));
            return after.LockedUntil > now
                ? new SignInResult(SignInOutcome.LockedOut, null, after.LockedUntil)
                : new SignInResult(SignInOutcome.InvalidCredentials, null, null);
        }
        var hash = verified == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(user, command.Password) : user.PasswordHash;
        if (await db.ExecuteAsync(RecordSuccessSql, new { id = user.Id, passwordHash = hash, now }, cancellationToken) == 0)
        {
            var locked = await db.QuerySingleOrDefaultAsync<UserRow>(Users.FindByIdSql, new { id = user.Id }, cancellationToken);
            audit.Record(new AuditRecord("SignInLockedOut", "User", user.Id.ToString(), user.ScopeOrgId, null, new { username = user.Username }));
            return new SignInResult(SignInOutcome.LockedOut, null, locked?.LockedUntil);
        }
        var principal = user.ToPrincipal();
        var request = callers.Current;
        var actor = new Caller(CallerKind.User, user.Id, user.Username, new HashSet<string>(), user.ScopeOrgId, request.ClientAddress, request.RequestId);
        audit.Record(new AuditRecord("SignIn", "User", user.Id.ToString(), user.ScopeOrgId, null, null, actor));
        return new SignInResult(SignInOutcome.SignedIn, principal, null);
    }

    public static string HashPassword(string password) => Hasher.HashPassword(new UserRow(), password);
}
