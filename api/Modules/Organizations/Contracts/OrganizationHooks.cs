using Jiceng.Infrastructure.Database;

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
/// organization paths (for its subtree range scans) and of the region root (for its region's rules) rewrites
/// them in the same transaction: <see cref="SubtreeMove.RewriteAsync"/> over its <see cref="CopiedPaths"/>.
/// </summary>
public interface IOrganizationSubtreeMoveListener
{
    /// <summary>Every column of the module's tables that keeps a copy of an organization path. A test compares
    /// them with the schema, so a new table with a path column cannot be forgotten.</summary>
    IReadOnlyList<CopiedPath> CopiedPaths { get; }

    Task OnSubtreeMovedAsync(SubtreeMove move, CancellationToken cancellationToken);
}

/// <summary>A column keeping a copy of an organization path; <paramref name="KeepsRegion"/> when the table also
/// keeps the organization's region root (region_root_id), which a move to another region changes.</summary>
public sealed record CopiedPath(string Table, string Column = "org_path", bool KeepsRegion = false);

/// <summary>
/// A moved subtree: every path in [OldFrom, OldTo) now starts with NewFrom instead of OldFrom, and the whole
/// subtree belongs to the region RegionRootId (another one when it moved under another region's root).
/// </summary>
public sealed record SubtreeMove(string OldFrom, string OldTo, string NewFrom, Guid RegionRootId)
{
    /// <summary>The end of the moved subtree's new path range (NewFrom's subtree, as OldTo is OldFrom's).</summary>
    public string NewTo => NewFrom + OldTo[OldFrom.Length..];

    /// <summary>Rewrites each copied path of the subtree (and its region root where the table keeps one), one
    /// statement per column.</summary>
    public async Task RewriteAsync(DbSession db, IEnumerable<CopiedPath> columns, CancellationToken cancellationToken)
    {
        var values = new
        {
            newFrom = NewFrom,
            cut = OldFrom.Length + 1,
            oldFrom = OldFrom,
            oldTo = OldTo,
            regionRootId = RegionRootId,
        };
        foreach (var column in columns)
        {
            await db.ExecuteAsync(RewriteSql(column), values, cancellationToken);
        }
    }

    // Table and column are a module's fixed names (checked to be plain identifiers), never input: they fill the
    // template's slots, which parameters cannot.
    private const string RewriteTemplate = """
        UPDATE @@table SET @@column = @newFrom {cat} {substr}(@@column, @cut, 200)@@region
        WHERE @@column >= @oldFrom AND @@column < @oldTo
        """;

    private static string RewriteSql(CopiedPath path)
    {
        if (!IsIdentifier(path.Table) || !IsIdentifier(path.Column))
        {
            throw new ArgumentException($"Not a table and column name: {path}.", nameof(path));
        }
        return RewriteTemplate
            .Replace("@@table", path.Table, StringComparison.Ordinal)
            .Replace("@@column", path.Column, StringComparison.Ordinal)
            .Replace("@@region", path.KeepsRegion ? ", region_root_id = @regionRootId" : "", StringComparison.Ordinal);
    }

    private static bool IsIdentifier(string name) => name.Length > 0 && name.All(c => c is (>= 'a' and <= 'z') or '_');
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
