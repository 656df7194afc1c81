namespace Jiceng.Modules.Organizations.Contracts;

/// <summary>
/// Lets another module refuse the dissolution of an organization (Members: while it still has members).
/// Called inside the dissolving transaction; throw a <c>BusinessRuleException</c> to refuse.
/// </summary>
public interface IOrganizationDissolutionGuard
{
    Task EnsureCanDissolveAsync(Guid organizationId, CancellationToken cancellationToken);
}

/// <summary>A subtree given as its path range, for modules that count their own rows per subtree.</summary>
public sealed record OrganizationSubtree(Guid RootId, string PathFrom, string PathTo);

/// <summary>Adds figures of another module (e.g. member counts) to the subtree statistics.</summary>
public interface IOrganizationStatisticsContributor
{
    /// <summary>A short stable key, e.g. "members".</summary>
    string Key { get; }

    Task<IReadOnlyDictionary<string, long>> CountAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken cancellationToken);
}

/// <summary>Full (正式) member counts per organization, for the setting-up rule warnings.</summary>
public interface IOrganizationMemberCounts
{
    Task<IReadOnlyDictionary<Guid, int>> CountFullMembersAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken cancellationToken);
}
