using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Accounts.Domain;

namespace Jiceng.Modules.Accounts;

/// <summary>
/// Re-reads the user behind a session cookie on every request, through the session's row: a revoked session
/// (signed out), a disabled user or a changed password (new security stamp) ends it at once.
/// </summary>
internal sealed class SessionValidator(DbSession db, TimeProvider clock) : ISessionValidator
{
    // At most one write an hour per session, so reads stay reads; old rows are removed at sign-in.
    private const string TouchSql = """
        UPDATE user_sessions SET last_seen_at = @now WHERE id = @sessionId AND last_seen_at < @threshold
        """;

    public async Task<ClaimsPrincipal?> RefreshAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (
            !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            || Users.SessionOf(principal) is not { } sessionId
        )
        {
            return null;
        }
        var user = await db.QuerySingleOrDefaultAsync<UserRow>(
            Users.FindBySessionSql,
            new { id, sessionId },
            cancellationToken
        );
        if (user is not { Enabled: true } || user.SecurityStamp != principal.FindFirstValue(JicengClaims.SecurityStamp))
        {
            return null;
        }
        var now = clock.GetUtcNow();
        if (user.LastSeenAt < now.AddHours(-1))
        {
            await db.ExecuteAsync(
                TouchSql,
                new
                {
                    sessionId,
                    now,
                    threshold = now.AddHours(-1),
                },
                cancellationToken
            );
        }
        return user.ToPrincipal(sessionId);
    }
}

/// <summary>
/// API keys look like <c>jc_{prefix}_{secret}</c>: the public prefix finds the client, the SHA-256 of the whole
/// key (high-entropy, so a fast hash suffices) proves it, compared in constant time. Revocation takes effect
/// on the next request because nothing is cached.
/// </summary>
internal sealed class ApiKeyValidator(DbSession db, TimeProvider clock) : IApiKeyValidator
{
    private const string FindSql = """
        SELECT id, name, key_hash, scope_org_id, permissions, rate_limit_per_minute, revoked_at, last_used_at
        FROM api_clients WHERE key_prefix = @prefix
        """;

    // At most one write a minute per client, so busy clients do not turn every read into a write.
    private const string TouchSql = """
        UPDATE api_clients SET last_used_at = @now
        WHERE id = @id AND (last_used_at IS NULL OR last_used_at < @threshold)
        """;

    public async Task<ClaimsPrincipal?> AuthenticateAsync(string apiKey, CancellationToken cancellationToken)
    {
        var prefix = ApiKeys.PrefixOf(apiKey);
        if (prefix is null)
        {
            return null;
        }
        var client = await db.QuerySingleOrDefaultAsync<ClientRow>(FindSql, new { prefix }, cancellationToken);
        if (
            client is null
            || client.RevokedAt is not null
            || !CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(ApiKeys.Hash(apiKey)),
                Encoding.ASCII.GetBytes(client.KeyHash)
            )
        )
        {
            return null;
        }
        var now = clock.GetUtcNow();
        // The row just read says whether a touch is due; the statement's own condition still guards a race.
        if (client.LastUsedAt is null || client.LastUsedAt < now.AddMinutes(-1))
        {
            await db.ExecuteAsync(
                TouchSql,
                new
                {
                    id = client.Id,
                    now,
                    threshold = now.AddMinutes(-1),
                },
                cancellationToken
            );
        }
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, client.Id.ToString()),
            new(ClaimTypes.Name, client.Name),
            new(JicengClaims.Kind, nameof(CallerKind.ApiClient)),
            new(
                JicengClaims.RateLimit,
                client.RateLimitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ),
        };
        if (client.ScopeOrgId is { } scope)
        {
            claims.Add(new Claim(JicengClaims.Scope, scope.ToString()));
        }
        claims.AddRange(
            ApiKeys.ParsePermissions(client.Permissions).Select(p => new Claim(JicengClaims.Permission, p))
        );
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationSchemes.ApiKey));
    }

    private sealed record ClientRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string KeyHash { get; init; } = "";
        public Guid? ScopeOrgId { get; init; }
        public string Permissions { get; init; } = "";
        public int RateLimitPerMinute { get; init; }
        public DateTimeOffset? RevokedAt { get; init; }
        public DateTimeOffset? LastUsedAt { get; init; }
    }
}

internal static class ApiKeys
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static (string Prefix, string Key) Generate()
    {
        var prefix = new string(RandomNumberGenerator.GetBytes(8).Select(b => Alphabet[b % 32]).ToArray());
        var secret = Convert
            .ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=')
            .Replace('+', '-')
            .Replace('/', '_');
        return (prefix, $"jc_{prefix}_{secret}");
    }

    public static string? PrefixOf(string key)
    {
        var parts = key.Split('_', 3);
        return parts is ["jc", { Length: 8 } prefix, { Length: > 20 }] ? prefix : null;
    }

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string StorePermissions(IEnumerable<string> permissions) =>
        string.Join(',', permissions.Distinct().Order(StringComparer.Ordinal));

    public static IReadOnlyList<string> ParsePermissions(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
