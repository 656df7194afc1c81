using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Modules.Accounts.Domain;
using Mediator;

namespace Jiceng.Modules.Accounts.RevokeApiClient;

/// <summary>Revokes a key; the next request made with it is a 401.</summary>
internal sealed record RevokeApiClientCommand(Guid ClientId) : ICommand;

internal sealed class RevokeApiClientHandler(DbSession db, Grants grants, TimeProvider clock)
    : ICommandHandler<RevokeApiClientCommand>
{
    private const string RevokeSql =
        "UPDATE api_clients SET revoked_at = @now, updated_at = @now, "
        + "version = version + 1 WHERE id = @id AND revoked_at IS NULL";

    public async ValueTask<Unit> Handle(RevokeApiClientCommand command, CancellationToken cancellationToken)
    {
        var client = await db.QuerySingleOrDefaultAsync<ApiClientRow>(
            ApiClientRow.FindSql,
            new { id = command.ClientId },
            cancellationToken
        );
        if (client is null || !await grants.CanManageAsync(client.ScopeOrgId, cancellationToken))
        {
            throw new NotFoundException("ApiClient");
        }
        grants.EnsurePermissions(ApiKeys.ParsePermissions(client.Permissions));
        var revoked = await db.ExecuteAsync(
            RevokeSql,
            new { id = command.ClientId, now = clock.GetUtcNow() },
            cancellationToken
        );
        return revoked == 1 ? Unit.Value : throw AccountErrors.AlreadyRevoked();
    }
}
