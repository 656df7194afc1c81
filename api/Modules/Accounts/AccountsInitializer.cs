using Dapper;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Modules.Accounts.Domain;

namespace Jiceng.Modules.Accounts;

/// <summary>
/// The first administrator: on a start with no users and Bootstrap:AdminPassword set, creates <c>admin</c>
/// (system administrator, whole tree) with that password. Without the setting nothing is created.
/// </summary>
internal sealed class AccountsInitializer(
    DbConnectionFactory connections,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<AccountsInitializer> logger
) : IModuleInitializer
{
    private const string CountUsersSql = "SELECT COUNT(*) FROM users";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrEmpty(password))
        {
            return;
        }
        await using var connection = await connections.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long>(CountUsersSql) > 0)
        {
            return;
        }
        if (PasswordPolicy.Check(password, "admin") is not PasswordProblem.None and var problem)
        {
            throw new InvalidOperationException(
                $"Bootstrap:AdminPassword is refused ({problem}): it needs 10 to 128 "
                    + "characters and may not be a common password, one character or short group repeated, or 'admin'."
            );
        }
        await connection.ExecuteAsync(
            Users.InsertSql,
            new
            {
                id = Guid.CreateVersion7(),
                username = "admin",
                displayName = "系统管理员",
                passwordHash = Passwords.Hash(password),
                roles = Roles.Store([Role.SystemAdmin]),
                scopeOrgId = (Guid?)null,
                enabled = true,
                securityStamp = Users.NewSecurityStamp(),
                now = clock.GetUtcNow(),
            }
        );
        logger.LogInformation("Created the first administrator 'admin'");
    }
}
