using System.Collections.Frozen;
using System.Security.Claims;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Accounts.Domain;

/// <summary>A user as stored; the password hash never leaves this module.</summary>
internal sealed record UserRow
{
    public Guid Id { get; init; }
    public string Username { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string PasswordHash { get; init; } = "";
    public string Roles { get; init; } = "";
    public Guid? ScopeOrgId { get; init; }
    public bool Enabled { get; init; }
    public int FailedAttempts { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }
    public string SecurityStamp { get; init; } = "";
    public long Version { get; init; }

    /// <summary>When the session was last seen; only <see cref="Users.FindBySessionSql"/> reads it.</summary>
    public DateTimeOffset? LastSeenAt { get; init; }

    /// <summary>
    /// The principal a session carries: identity, permissions from roles, scope, the stamp that ends every
    /// session of the user and the id of this session (a row in user_sessions, which sign-out revokes).
    /// </summary>
    public ClaimsPrincipal ToPrincipal(Guid sessionId)
    {
        var roles = Domain.Roles.Parse(Roles);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, Id.ToString()),
            new(ClaimTypes.Name, Username),
            new(JicengClaims.DisplayName, DisplayName),
            new(JicengClaims.Kind, nameof(CallerKind.User)),
            new(JicengClaims.SecurityStamp, SecurityStamp),
            new(JicengClaims.Session, sessionId.ToString()),
        };
        if (ScopeOrgId is { } scope)
        {
            claims.Add(new Claim(JicengClaims.Scope, scope.ToString()));
        }
        claims.AddRange(roles.Select(r => new Claim(JicengClaims.Role, r.ToString())));
        claims.AddRange(Domain.Roles.PermissionsOf(roles).Select(p => new Claim(JicengClaims.Permission, p)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationSchemes.Cookie));
    }
}

internal static class Users
{
    /// <summary>The session a principal carries; null for a cookie issued before sessions were stored.</summary>
    public static Guid? SessionOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(JicengClaims.Session), out var id) ? id : null;

    // The user of a live (not revoked) session: one indexed look-up per request.
    public const string FindBySessionSql = """
        SELECT u.id, u.username, u.display_name, u.password_hash, u.roles, u.scope_org_id, u.enabled, u.failed_attempts,
               u.locked_until, u.security_stamp, u.version, s.last_seen_at
        FROM user_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = @sessionId AND s.user_id = @id AND s.revoked_at IS NULL
        """;

    public const string FindByIdSql = """
        SELECT id, username, display_name, password_hash, roles, scope_org_id, enabled, failed_attempts, locked_until,
            security_stamp, version
        FROM users WHERE id = @id
        """;

    public const string FindByUsernameSql = """
        SELECT id, username, display_name, password_hash, roles, scope_org_id, enabled, failed_attempts, locked_until,
            security_stamp, version
        FROM users WHERE username = @username
        """;

    public const string InsertSql = """
        INSERT INTO users (id, username, display_name, password_hash, roles, scope_org_id, enabled, failed_attempts,
            locked_until,
                           security_stamp, created_at, updated_at, version)
        VALUES (@id, @username, @displayName, @passwordHash, @roles, @scopeOrgId, @enabled, 0, NULL, @securityStamp,
            @now, @now, 1)
        """;

    public static string NewSecurityStamp() => Guid.NewGuid().ToString("N");

    public static string Normalize(string username) => username.Trim().ToLowerInvariant();
}

/// <summary>Why a password is refused.</summary>
internal enum PasswordProblem
{
    None,
    Length,
    Common,
    Repeated,
    SameAsUsername,
    SameAsCurrent,
}

/// <summary>
/// Passwords of 10 to 128 characters that are not in the shipped list of common passwords, not one character
/// or one short group repeated, not the username and not the current password (ASVS 2.1.1, 2.1.7). The list
/// (common-passwords.txt, embedded) is read once.
/// </summary>
internal static class PasswordPolicy
{
    public const int MinimumLength = 10;
    public const int MaximumLength = 128;

    private static readonly Lazy<FrozenSet<string>> CommonPasswords = new(LoadCommonPasswords);

    public static bool IsAcceptable(string? password, string? username) =>
        Check(password, username) == PasswordProblem.None;

    public static PasswordProblem Check(string? password, string? username, string? currentPassword = null)
    {
        if (password is not { Length: >= MinimumLength and <= MaximumLength })
        {
            return PasswordProblem.Length;
        }
        if (IsRepetition(password))
        {
            return PasswordProblem.Repeated;
        }
        if (CommonPasswords.Value.Contains(password.ToLowerInvariant()))
        {
            return PasswordProblem.Common;
        }
        if (string.Equals(password.Trim(), username?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return PasswordProblem.SameAsUsername;
        }
        return currentPassword is not null && string.Equals(password, currentPassword, StringComparison.Ordinal)
            ? PasswordProblem.SameAsCurrent
            : PasswordProblem.None;
    }

    public static string MessageFor(PasswordProblem problem) =>
        problem switch
        {
            PasswordProblem.Common => Localized.Text(
                "这是常见密码，很容易被猜中，请换一个。",
                "This is a common password that is easily guessed; choose another."
            ),
            PasswordProblem.Repeated => Localized.Text(
                "密码不能由同一个字符或同一小段字符重复组成。",
                "A password may not be one character or one short group repeated."
            ),
            PasswordProblem.SameAsUsername => Localized.Text(
                "密码不能与用户名相同。",
                "A password must differ from the username."
            ),
            PasswordProblem.SameAsCurrent => Localized.Text(
                "新密码不能与当前密码相同。",
                "The new password must differ from the current one."
            ),
            _ => Localized.Text(
                $"密码长度须为 {MinimumLength}–{MaximumLength} 个字符。",
                $"A password has {MinimumLength} to {MaximumLength} characters."
            ),
        };

    /// <summary>"aaaaaaaaaa", "ababababab", "1231231231": a group of up to four characters over and over.</summary>
    private static bool IsRepetition(string password)
    {
        for (var unit = 1; unit <= 4; unit++)
        {
            var repeats = true;
            for (var i = unit; i < password.Length && repeats; i++)
            {
                repeats = password[i] == password[i - unit];
            }
            if (repeats)
            {
                return true;
            }
        }
        return false;
    }

    private static FrozenSet<string> LoadCommonPasswords()
    {
        using var stream =
            typeof(PasswordPolicy).Assembly.GetManifestResourceStream("Jiceng.common-passwords.txt")
            ?? throw new InvalidOperationException("The embedded list of common passwords is missing.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                passwords.Add(line.ToLowerInvariant());
            }
        }
        return passwords.ToFrozenSet(StringComparer.Ordinal);
    }
}
