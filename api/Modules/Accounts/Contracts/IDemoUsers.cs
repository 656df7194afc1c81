namespace Jiceng.Modules.Accounts.Contracts;

/// <summary>A demo user as another module's demo seeder acts as them: id, sign-in name, permissions, scope.</summary>
public sealed record DemoUser(Guid Id, string Username, IReadOnlySet<string> Permissions, Guid? ScopeOrganizationId);

/// <summary>
/// The demo users of scripts/run.sh by role name (e.g. "CollectiveAccountant"), so that a module's demo data is
/// recorded by the people a demo visitor signs in as and its four-eyes rules meet real user ids. Null when the
/// role has no demo user (no demo region, or not a demo run).
/// </summary>
public interface IDemoUsers
{
    Task<DemoUser?> FindAsync(string role, CancellationToken cancellationToken);
}
