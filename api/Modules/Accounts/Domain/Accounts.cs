using System.Security.Claims;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Http;
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

    /// <summary>The principal a session carries: identity, permissions from roles, scope and the stamp that ends it.</summary>
    public ClaimsPrincipal ToPrincipal()
    {
        var roles = Domain.Roles.Parse(Roles);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, Id.ToString()),
            new(ClaimTypes.Name, Username),
            new(JicengClaims.Kind, nameof(CallerKind.User)),
            new(JicengClaims.SecurityStamp, SecurityStamp),
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
    public const string FindByIdSql = """
        SELECT id, username, display_name, password_hash, roles, scope_org_id, enabled, failed_attempts, locked_until, security_stamp, version
        FROM users WHERE id = @id
        """;

    public const string FindByUsernameSql = """
        SELECT id, username, display_name, password_hash, roles, scope_org_id, enabled, failed_attempts, locked_until, security_stamp, version
        FROM users WHERE username = @username
        """;

    public const string InsertSql = """
        INSERT INTO users (id, username, display_name, password_hash, roles, scope_org_id, enabled, failed_attempts, locked_until,
                           security_stamp, created_at, updated_at, version)
        VALUES (@id, @username, @displayName, @passwordHash, @roles, @scopeOrgId, @enabled, 0, NULL, @securityStamp, @now, @now, 1)
        """;

    public static string NewSecurityStamp() => Guid.NewGuid().ToString("N");

    public static string Normalize(string username) => username.Trim().ToLowerInvariant();
}

/// <summary>Passwords of at least 10 characters that are not the username (ASVS 2.1).</summary>
internal static class PasswordPolicy
{
    public const int MinimumLength = 10;
    public const int MaximumLength = 128;

    public static bool IsAcceptable(string? password, string? username) =>
        password is { Length: >= MinimumLength and <= MaximumLength }
        && !string.Equals(password.Trim(), username?.Trim(), StringComparison.OrdinalIgnoreCase);

    public static string Message => Localized.Text(
        $"密码至少 {MinimumLength} 位，且不能与用户名相同。", $"A password has at least {MinimumLength} characters and differs from the username.");
}

internal static class AccountErrors
{
    public static BusinessRuleException UsernameTaken(string username) => new(
        "username_taken", $"用户名“{username}”已被使用。", $"The username '{username}' is taken.");

    public static BusinessRuleException Escalation() => new(
        "privilege_escalation",
        "不能授予超出自己权限或管辖范围的角色、权限或组织范围。",
        "You cannot grant roles, permissions or a scope beyond your own.");

    public static BusinessRuleException WrongPassword() => new(
        "wrong_password", "当前密码不正确。", "The current password is wrong.");

    public static BusinessRuleException AlreadyRevoked() => new(
        "api_client_revoked", "该接入密钥已吊销。", "The API client is already revoked.");
}
