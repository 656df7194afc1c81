using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Accounts.Contracts;
using Jiceng.Modules.Accounts.Domain;

namespace Jiceng.Modules.Accounts;

/// <summary>Builds the caller a signed-in user would be, as <see cref="UserRow.ToPrincipal"/> does for a session.
/// </summary>
internal sealed class UserDirectory(DbSession db) : IUserDirectory
{
    public async Task<Caller?> CallerAsync(string username, CancellationToken cancellationToken)
    {
        var user = await db.QuerySingleOrDefaultAsync<UserRow>(
            Users.FindByUsernameSql,
            new { username = Users.Normalize(username) },
            cancellationToken
        );
        if (user is not { Enabled: true })
        {
            return null;
        }
        return new Caller(
            CallerKind.User,
            user.Id,
            user.Username,
            Roles.PermissionsOf(Roles.Parse(user.Roles)).ToHashSet(),
            user.ScopeOrgId,
            null,
            null,
            user.DisplayName
        );
    }
}
