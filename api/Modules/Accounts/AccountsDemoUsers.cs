using Dapper;
using Jiceng.Infrastructure.Database;
using Jiceng.Modules.Accounts.Contracts;
using Jiceng.Modules.Accounts.Domain;

namespace Jiceng.Modules.Accounts;

/// <summary>Finds the demo user of a role by the sign-in name <see cref="AccountsDemoSeeder"/> gives it.</summary>
internal sealed class AccountsDemoUsers(DbConnectionFactory connections) : IDemoUsers
{
    private const string FindSql = """
        SELECT id, username, roles, scope_org_id FROM users WHERE username = @username AND enabled = @enabled
        """;

    public async Task<DemoUser?> FindAsync(string role, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<Role>(role, out var parsed))
        {
            return null;
        }
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(
                FindSql,
                new { username = AccountsDemoSeeder.Username(parsed), enabled = true },
                cancellationToken: cancellationToken
            )
        );
        return row is null
            ? null
            : new DemoUser(row.Id, row.Username, Roles.PermissionsOf(Roles.Parse(row.Roles)), row.ScopeOrgId);
    }

    private sealed record Row
    {
        public Guid Id { get; init; }
        public string Username { get; init; } = "";
        public string Roles { get; init; } = "";
        public Guid? ScopeOrgId { get; init; }
    }
}
