using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Accounts.Domain;
using Mediator;

namespace Jiceng.Modules.Accounts.CreateApiClient;

internal sealed record CreateApiClientRequest(
    string Name,
    Guid? ScopeOrganizationId,
    IReadOnlyList<string> Permissions,
    int? RateLimitPerMinute
);

/// <summary>A third-party system's credentials: the key is returned once and only its hash is kept.</summary>
internal sealed record CreateApiClientCommand(CreateApiClientRequest Body) : ICommand<ApiClientResponse>;

internal sealed class CreateApiClientValidator : AbstractValidator<CreateApiClientCommand>
{
    public CreateApiClientValidator()
    {
        RuleFor(c => c.Body.Name).RequiredText().MaximumLength(100);
        RuleFor(c => c.Body.Permissions).NotNull().Must(p => p is { Count: <= 50 });
        RuleForEach(c => c.Body.Permissions)
            .Must(p => Permissions.All.Contains(p))
            .WithMessage(_ => Jiceng.Infrastructure.Localized.Text("未知的权限。", "Unknown permission."));
        RuleFor(c => c.Body.RateLimitPerMinute).InclusiveBetween(1, 100_000);
    }
}

internal sealed class CreateApiClientHandler(DbSession db, Grants grants, CallerAccessor callers, TimeProvider clock)
    : ICommandHandler<CreateApiClientCommand, ApiClientResponse>
{
    private const string InsertSql = """
        INSERT INTO api_clients (id, name, key_prefix, key_hash, scope_org_id, permissions, rate_limit_per_minute,
            revoked_at, last_used_at,
                                 created_by, created_at, updated_at, version)
        VALUES (@id, @name, @keyPrefix, @keyHash, @scopeOrgId, @permissions, @rateLimitPerMinute, NULL, NULL,
            @createdBy, @now, @now, 1)
        """;

    public async ValueTask<ApiClientResponse> Handle(
        CreateApiClientCommand command,
        CancellationToken cancellationToken
    )
    {
        var body = command.Body;
        grants.EnsurePermissions(body.Permissions);
        await grants.EnsureScopeAsync(body.ScopeOrganizationId, cancellationToken);
        var (prefix, key) = ApiKeys.Generate();
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(
            InsertSql,
            new
            {
                id,
                name = body.Name.Trim(),
                keyPrefix = prefix,
                keyHash = ApiKeys.Hash(key),
                scopeOrgId = body.ScopeOrganizationId,
                permissions = ApiKeys.StorePermissions(body.Permissions),
                rateLimitPerMinute = body.RateLimitPerMinute ?? 600,
                createdBy = callers.Current.Id,
                now = clock.GetUtcNow(),
            },
            cancellationToken
        );
        var row = await db.QuerySingleOrDefaultAsync<ApiClientRow>(ApiClientRow.FindSql, new { id }, cancellationToken);
        return row!.ToResponse(key);
    }
}
