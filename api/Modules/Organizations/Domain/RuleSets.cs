using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Organizations.Domain;

/// <summary>A region's rule set; the default one (no region) applies wherever a region has none.</summary>
internal sealed record RuleSetResponse(
    Guid Id,
    Guid? RegionRootId,
    string? RegionName,
    string Name,
    RuleSetDocument Document,
    DateTimeOffset UpdatedAt,
    long Version
);

internal static class RuleSets
{
    // Visible: the default set, and the set of the region the caller's scope lies in (all of them for the whole tree).
    private const string FindSql = """
        SELECT r.id, r.region_root_id, o.name AS region_name, r.name, r.document, r.updated_at, r.version
        FROM rule_sets r
        LEFT JOIN organizations o ON o.id = r.region_root_id
        WHERE r.id = @id AND (@wholeTree = @yes OR r.region_root_id IS NULL OR o.path = @regionPath)
        """;

    /// <summary>Parameters that limit rule sets to those the caller may see.</summary>
    public static object Visibility(DataScope scope, Guid? id = null) =>
        new
        {
            id,
            wholeTree = scope == DataScope.WholeTree,
            yes = true,
            regionPath = RegionPathOf(scope) ?? "",
        };

    /// <summary>
    /// The path of the region (top-level organization) a scope lies in; null for a scope that sees nothing.
    /// </summary>
    public static string? RegionPathOf(DataScope scope) =>
        scope.From.Length >= TreePath.SegmentLength ? scope.From[..TreePath.SegmentLength] : null;

    /// <summary>
    /// The default set belongs to the whole tree; a region's set to callers scoped at that region's top.
    /// </summary>
    public static bool CanChange(DataScope scope, RuleSetResponse ruleSet) =>
        scope == DataScope.WholeTree
        || (ruleSet.RegionRootId is not null && RegionPathOf(scope) is { } region && scope.From == region);

    /// <summary>The set with every registered section in force (fixed rules at their national values).</summary>
    public static async Task<RuleSetResponse> LoadAsync(
        DbSession db,
        RuleSetComposition composition,
        DataScope scope,
        Guid id,
        CancellationToken cancellationToken
    )
    {
        var row =
            await db.QuerySingleOrDefaultAsync<Row>(FindSql, Visibility(scope, id), cancellationToken)
            ?? throw new NotFoundException("RuleSet");
        return new RuleSetResponse(
            row.Id,
            row.RegionRootId,
            row.RegionName,
            row.Name,
            composition.Effective(RuleSetDocument.FromJson(row.Document)),
            row.UpdatedAt,
            row.Version
        );
    }

    private sealed record Row
    {
        public Guid Id { get; init; }
        public Guid? RegionRootId { get; init; }
        public string? RegionName { get; init; }
        public string Name { get; init; } = "";
        public string Document { get; init; } = "";
        public DateTimeOffset UpdatedAt { get; init; }
        public long Version { get; init; }
    }
}
