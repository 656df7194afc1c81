using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;

namespace Jiceng.Modules.Organizations.Domain;

/// <summary>A region's rule set; the default one (no region) applies wherever a region has none.</summary>
internal sealed record RuleSetResponse(Guid Id, Guid? RegionRootId, string? RegionName, string Name, RuleSetDocument Document, DateTimeOffset UpdatedAt, long Version);

internal static class RuleSets
{
    private const string FindSql = """
        SELECT r.id, r.region_root_id, o.name AS region_name, r.name, r.document, r.updated_at, r.version
        FROM rule_sets r
        LEFT JOIN organizations o ON o.id = r.region_root_id
        WHERE r.id = @id
        """;

    public static async Task<RuleSetResponse> LoadAsync(DbSession db, Guid id, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<Row>(FindSql, new { id }, cancellationToken) ?? throw new NotFoundException("RuleSet");
        return new RuleSetResponse(row.Id, row.RegionRootId, row.RegionName, row.Name, RuleSetDocument.FromJson(row.Document), row.UpdatedAt, row.Version);
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
