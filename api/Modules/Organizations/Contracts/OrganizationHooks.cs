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

    /// <summary>Counts over the subtree (its path range: a module that
    /// keeps its rows' organization path can range-scan).</summary>
    Task<IReadOnlyDictionary<string, long>> CountAsync(
        OrganizationSubtree subtree,
        CancellationToken cancellationToken
    );
}

/// <summary>An organization's own members (not its subtree's): full (正式) and probationary (预备).</summary>
public sealed record OrganizationMemberCount(int Full, int Probationary)
{
    /// <summary>党员: full and probationary members together, as the setting-up thresholds count them.</summary>
    public int Total => Full + Probationary;
}

/// <summary>Member counts per organization, for the setting-up rule warnings.</summary>
public interface IOrganizationMemberCounts
{
    /// <summary>
    /// Per organization within the path range (organizations without members are left out). A range,
    /// not a list of ids: a city's branches would exceed a provider's parameter limit (2,100 on SQL Server).
    /// </summary>
    Task<IReadOnlyDictionary<Guid, OrganizationMemberCount>> CountMembersAsync(
        string pathFrom,
        string pathTo,
        CancellationToken cancellationToken
    );
}

/// <summary>
/// Told inside the moving transaction when a subtree's paths change, so a module that keeps copies of
/// organization paths (Members, for its subtree range scans) rewrites them in the same transaction.
/// </summary>
public interface IOrganizationSubtreeMoveListener
{
    /// <summary>Every path in [oldFrom, oldTo) now starts with newFrom instead of oldFrom.</summary>
    Task OnSubtreeMovedAsync(string oldFrom, string oldTo, string newFrom, CancellationToken cancellationToken);
}

/// <summary>
/// One kind of work waiting in a subtree (e.g. demands overdue for acceptance, plans waiting for approval): a stable
/// key, its label, how many, how many of them are overdue, and the SPA path that lists them.
/// </summary>
public sealed record WorkItemCount(string Key, string Label, long Count, long Overdue, string Path);

/// <summary>
/// A module's to-dos and key figures for a subtree, read by the home page without knowing the module (as
/// <see cref="IOrganizationStatisticsContributor"/> adds figures to the subtree statistics). Registered as a scoped
/// service by each module that has work waiting for someone.
/// </summary>
public interface IWorkQueueContributor
{
    /// <summary>The module's short stable key, e.g. "volunteering".</summary>
    string Key { get; }

    /// <summary>What is waiting (or overdue) in the subtree, for the caller's permissions; empty when nothing
    /// is.</summary>
    Task<IReadOnlyList<WorkItemCount>> CountAsync(OrganizationSubtree subtree, CancellationToken cancellationToken);
}
