using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Accounts.Contracts;

/// <summary>
/// Users as other modules may act for them outside a request: a module's demo seed writes through its commands as
/// the demo user who would do each step, so separation of duties and the recorded actors are those of real users.
/// </summary>
public interface IUserDirectory
{
    /// <summary>The enabled user's caller (id, username, permissions of their roles, scope), or null.</summary>
    Task<Caller?> CallerAsync(string username, CancellationToken cancellationToken);
}
