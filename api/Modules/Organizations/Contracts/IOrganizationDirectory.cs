using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Organizations.Contracts;

/// <summary>An organization as other modules may see it; <c>Field</c> is
/// its 领域 by API name (UrbanCommunity, Village, Government, …).</summary>
public sealed record OrganizationReference(Guid Id, string Name, int Depth, string Path, string Field);

/// <summary>Look-ups other modules need without touching Organizations' tables.</summary>
public interface IOrganizationDirectory
{
    /// <summary>The active organization if it lies inside the scope; null otherwise (treat as not found).</summary>
    Task<OrganizationReference?> FindWithinAsync(Guid id, DataScope scope, CancellationToken cancellationToken);

    /// <summary>The subtree (path range) of an organization, active
    /// or dissolved, inside the scope; null otherwise.</summary>
    Task<OrganizationSubtree?> SubtreeWithinAsync(Guid id, DataScope scope, CancellationToken cancellationToken);

    /// <summary>Whether the organization, active or dissolved, lies inside the scope.</summary>
    Task<bool> ContainsAsync(Guid id, DataScope scope, CancellationToken cancellationToken);

    /// <summary>Names of organizations (active or dissolved) by
    /// id, for lists that show where each row belongs.</summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(
        IReadOnlyCollection<Guid> ids,
        CancellationToken cancellationToken
    );

    /// <summary>Active branches (党支部 of every kind, 党总支), in tree order: where members belong, for demo data.</summary>
    Task<IReadOnlyList<OrganizationReference>> ListBranchesAsync(CancellationToken cancellationToken);

    /// <summary>The active organizations of a subtree, in tree order
    /// (e.g. to find a spreadsheet row's organization by name).</summary>
    Task<IReadOnlyList<OrganizationReference>> ListActiveInSubtreeAsync(
        OrganizationSubtree subtree,
        CancellationToken cancellationToken
    );

    /// <summary>The active top-level organizations (regions), in tree order.</summary>
    Task<IReadOnlyList<OrganizationReference>> ListRootsAsync(CancellationToken cancellationToken);
}
