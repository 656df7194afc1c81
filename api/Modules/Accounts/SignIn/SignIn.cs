using System.Security.Claims;
using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
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
        RuleFor(c => c.Username).RequiredText().MaximumLength(50);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(PasswordPolicy.MaximumLength);
    }
}

/// <summary>
/// Checks a password (ASP.NET Core's PasswordHasher). Failures are counted per username and client address:
/// five within 15 minutes lock that username for that address only, so a stranger cannot lock anyone out of
/// their own desk. Unknown usernames are counted and locked alike, and cost one hash verification too (against
/// a dummy hash), so neither the answers nor their timing tell which usernames exist. Every attempt is
/// audited, and a failure commits its audit row and counter (it is an answer, not an exception). A success
/// opens a server-side session, which sign-out revokes.
/// </summary>
internal sealed class SignInHandler(
    DbSession db,
    TimeProvider clock,
    AuditTrail audit,
    CallerAccessor callers,
    IPasswordHasher<UserRow> hasher
) : ICommandHandler<SignInCommand, SignInResult>
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutPeriod = TimeSpan.FromMinutes(15);

    private const string FindFailuresSql = """
        SELECT failed_attempts, last_failed_at, locked_until FROM sign_in_failures
        WHERE username = @username AND client_address = @address
        """;

    // Counts that can no longer lock (older than the period, lock expired) are dropped, whoever they belong to,
    // so the table only holds live ones; then this pair's row is made to exist (a parallel first failure is not
    // an error).
    private const string ForgetStaleFailuresSql = """
        DELETE FROM sign_in_failures
        WHERE last_failed_at <= @windowStart AND (locked_until IS NULL OR locked_until <= @now)
        """;

    private const string EnsureFailureRowSql = """
        INSERT INTO sign_in_failures (username, client_address, failed_attempts, last_failed_at, locked_until)
        SELECT @username, @address, 0, @now, NULL
        WHERE NOT EXISTS (SELECT 1 FROM sign_in_failures WHERE username = @username AND client_address = @address)
        {on-conflict-ignore}
        """;

    // One statement: a count older than the period or past its lock restarts at 1; the fifth in a row locks.
    private const string RecordFailureSql = """
        UPDATE sign_in_failures SET
            failed_attempts = CASE
                WHEN last_failed_at <= @windowStart OR (locked_until IS NOT NULL AND locked_until <= @now) THEN 1
                ELSE failed_attempts + 1 END,
            locked_until = CASE WHEN (CASE
                WHEN last_failed_at <= @windowStart OR (locked_until IS NOT NULL AND locked_until <= @now) THEN 1
                ELSE failed_attempts + 1 END) >= @maxFailures THEN @lockUntil ELSE NULL END,
            last_failed_at = @now
        WHERE username = @username AND client_address = @address
        """;

    // Conditional: a right guess in a burst of parallel guesses must not clear a lock another one just set.
    private const string ClearFailuresSql = """
        DELETE FROM sign_in_failures
        WHERE username = @username AND client_address = @address AND (locked_until IS NULL OR locked_until <= @now)
        """;

    private const string RehashSql = "UPDATE users SET password_hash = @passwordHash WHERE id = @id";

    private const string OpenSessionSql = """
        INSERT INTO user_sessions (id, user_id, created_at, last_seen_at, revoked_at)
        VALUES (@id, @userId, @now, @now, NULL)
        """;

    // A session unused for a day cannot hold a live cookie (8 hours, renewed while in use), nor can a revoked one.
    private const string ForgetOldSessionsSql = """
        DELETE FROM user_sessions WHERE user_id = @userId AND (revoked_at IS NOT NULL OR last_seen_at < @staleBefore)
        """;

    // Verified in place of a real hash when the username is unknown, so both answers cost one PBKDF2 run.
    private static readonly Lazy<string> DummyHash = new(() => Passwords.Hash(Guid.NewGuid().ToString("N")));

    public async ValueTask<SignInResult> Handle(SignInCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var request = callers.Current;
        var username = Users.Normalize(command.Username);
        var address = request.ClientAddress ?? "unknown";
        var keys = new
        {
            username,
            address,
            now,
            windowStart = now - LockoutPeriod,
        };
        var user = await db.QuerySingleOrDefaultAsync<UserRow>(
            Users.FindByUsernameSql,
            new { username },
            cancellationToken
        );
        var failures = await db.QuerySingleOrDefaultAsync<FailureRow>(FindFailuresSql, keys, cancellationToken);
        if (failures?.LockedUntil > now)
        {
            return LockedOut(user, username, failures.LockedUntil);
        }
        var known = user is { Enabled: true };
        var hash = known ? user!.PasswordHash : DummyHash.Value;
        var verified = hasher.VerifyHashedPassword(user ?? new UserRow(), hash, command.Password);
        if (!known || verified == PasswordVerificationResult.Failed)
        {
            await db.ExecuteAsync(ForgetStaleFailuresSql, keys, cancellationToken);
            await db.ExecuteAsync(EnsureFailureRowSql, keys, cancellationToken);
            var failure = new
            {
                username,
                address,
                now,
                keys.windowStart,
                maxFailures = MaxFailures,
                lockUntil = now + LockoutPeriod,
            };
            await db.ExecuteAsync(RecordFailureSql, failure, cancellationToken);
            var after = await db.QuerySingleOrDefaultAsync<FailureRow>(FindFailuresSql, keys, cancellationToken);
            audit.Record(
                new AuditRecord(
                    "SignInFailed",
                    "User",
                    user?.Id.ToString(),
                    user?.ScopeOrgId,
                    null,
                    new { username = command.Username, failedAttempts = after?.FailedAttempts }
                )
            );
            return after?.LockedUntil > now
                ? new SignInResult(SignInOutcome.LockedOut, null, after.LockedUntil)
                : new SignInResult(SignInOutcome.InvalidCredentials, null, null);
        }
        await db.ExecuteAsync(ClearFailuresSql, keys, cancellationToken);
        var locked = await db.QuerySingleOrDefaultAsync<FailureRow>(FindFailuresSql, keys, cancellationToken);
        if (locked?.LockedUntil > now)
        {
            return LockedOut(user, username, locked.LockedUntil);
        }
        var signedIn = user!;
        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            var rehashed = hasher.HashPassword(signedIn, command.Password);
            await db.ExecuteAsync(RehashSql, new { id = signedIn.Id, passwordHash = rehashed }, cancellationToken);
        }
        var sessionId = Guid.CreateVersion7();
        await db.ExecuteAsync(
            ForgetOldSessionsSql,
            new { userId = signedIn.Id, staleBefore = now.AddDays(-1) },
            cancellationToken
        );
        await db.ExecuteAsync(
            OpenSessionSql,
            new
            {
                id = sessionId,
                userId = signedIn.Id,
                now,
            },
            cancellationToken
        );
        var actor = new Caller(
            CallerKind.User,
            signedIn.Id,
            signedIn.Username,
            new HashSet<string>(),
            signedIn.ScopeOrgId,
            request.ClientAddress,
            request.RequestId
        );
        audit.Record(new AuditRecord("SignIn", "User", signedIn.Id.ToString(), signedIn.ScopeOrgId, null, null, actor));
        return new SignInResult(SignInOutcome.SignedIn, signedIn.ToPrincipal(sessionId), null);
    }

    private SignInResult LockedOut(UserRow? user, string username, DateTimeOffset? until)
    {
        audit.Record(
            new AuditRecord("SignInLockedOut", "User", user?.Id.ToString(), user?.ScopeOrgId, null, new { username })
        );
        return new SignInResult(SignInOutcome.LockedOut, null, until);
    }

    private sealed record FailureRow
    {
        public int FailedAttempts { get; init; }
        public DateTimeOffset LastFailedAt { get; init; }
        public DateTimeOffset? LockedUntil { get; init; }
    }
}
