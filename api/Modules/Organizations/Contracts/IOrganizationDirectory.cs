using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Organizations.Contracts;

/// <summary>An organization as other modules may see it.</summary>
public sealed record OrganizationReference(Guid Id, string Name, int Depth);

/// <summary>Look-ups other modules need without touching Organizations' tables.</summary>
public interface IOrganizationDirectory
{
    /// <summary>The active organization if it lies inside the scope; null otherwise (treat as not found).</summary>
    Task<OrganizationReference?> FindWithinAsync(Guid id, DataScope scope, CancellationToken cancellationToken);

    /// <summary>Whether the organization, active or dissolved, lies inside the scope.</summary>
    Task<bool> ContainsAsync(Guid id, DataScope scope, CancellationToken cancellationToken);

    /// <summary>The active top-level organizations (regions), in tree order.</summary>
    Task<IReadOnlyList<OrganizationReference>> ListRootsAsync(CancellationToken cancellationToken);
}
