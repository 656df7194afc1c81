namespace Jiceng.Modules.Accounts.Domain;

/// <summary>An API client; <see cref="ApiKey"/> is filled only in the response that creates it, never again.</summary>
internal sealed record ApiClientResponse
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string KeyPrefix { get; init; } = "";
    public Guid? ScopeOrganizationId { get; init; }
    public IReadOnlyList<string> Permissions { get; init; } = [];
    public int RateLimitPerMinute { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? ApiKey { get; init; }
}

internal sealed record ApiClientRow
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string KeyPrefix { get; init; } = "";
    public Guid? ScopeOrgId { get; init; }
    public string Permissions { get; init; } = "";
    public int RateLimitPerMinute { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public const string FindSql = """
        SELECT id, name, key_prefix, scope_org_id, permissions, rate_limit_per_minute, revoked_at, last_used_at,
            created_at
        FROM api_clients WHERE id = @id
        """;

    public ApiClientResponse ToResponse(string? apiKey = null) =>
        new()
        {
            Id = Id,
            Name = Name,
            KeyPrefix = KeyPrefix,
            ScopeOrganizationId = ScopeOrgId,
            Permissions = ApiKeys.ParsePermissions(Permissions),
            RateLimitPerMinute = RateLimitPerMinute,
            RevokedAt = RevokedAt,
            LastUsedAt = LastUsedAt,
            CreatedAt = CreatedAt,
            ApiKey = apiKey,
        };
}
