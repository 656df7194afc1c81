using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Organizations.Domain;

internal sealed record OrganizationAncestor(Guid Id, string Name);

/// <summary>An organization with its place in the tree; <c>version</c> is also sent as the ETag.</summary>
internal sealed record OrganizationResponse(
    Guid Id,
    Guid? ParentId,
    string Name,
    string? ShortName,
    OrganizationKind Kind,
    OrganizationField Field,
    string? SecretaryName,
    DateOnly? EstablishedOn,
    DateOnly? TermStartedOn,
    DateOnly? TermEndsOn,
    bool HasCommittee,
    string? Description,
    OrganizationStatus Status,
    DateOnly? DissolvedOn,
    int Depth,
    Guid RegionRootId,
    int ActiveChildCount,
    IReadOnlyList<OrganizationAncestor> Ancestors,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version
);

internal static class OrganizationDetails
{
    private const string OrganizationSql = """
        SELECT o.id, o.parent_id, o.path, o.name, o.short_name, o.kind, o.field, o.secretary_name, o.established_on,
               o.term_started_on, o.has_committee, o.description, o.status, o.dissolved_on, o.depth, o.region_root_id,
               o.created_at, o.updated_at, o.version,
               (SELECT COUNT(*) FROM organizations c WHERE c.parent_id = o.id AND c.status = 'Active')
                   AS active_child_count
        FROM organizations o
        WHERE o.id = @id
        """;

    private const string AncestorsSql = "SELECT id, name, path FROM organizations WHERE path {in:paths}";

    /// <summary>
    /// An organization as answered by a read and by the slices that change it (with its new state). Ancestors
    /// above the caller's scope are left out: a caller sees names only inside their own subtree.
    /// </summary>
    public static async Task<OrganizationResponse> LoadAsync(
        DbSession db,
        DataScope scope,
        Guid id,
        CancellationToken cancellationToken
    )
    {
        var row =
            await db.QuerySingleOrDefaultAsync<OrganizationRow>(OrganizationSql, new { id }, cancellationToken)
            ?? throw new NotFoundException("Organization");
        var ancestorPaths = TreePath.AncestorPaths(row.Path).Where(scope.Contains).ToList();
        var ancestors =
            ancestorPaths.Count == 0
                ? []
                : (await db.QueryAsync<AncestorRow>(AncestorsSql, new { paths = ancestorPaths }, cancellationToken))
                    .OrderBy(a => a.Path, StringComparer.Ordinal)
                    .Select(a => new OrganizationAncestor(a.Id, a.Name))
                    .ToList();
        var rules = await RegionRules.ForRegionAsync(db, row.RegionRootId, cancellationToken);
        return new OrganizationResponse(
            row.Id,
            row.ParentId,
            row.Name,
            row.ShortName,
            row.Kind,
            row.Field,
            row.SecretaryName,
            row.EstablishedOn,
            row.TermStartedOn,
            OrganizationTerms.EndsOn(row.TermStartedOn, row.Kind, row.Field, rules),
            row.HasCommittee,
            row.Description,
            row.Status,
            row.DissolvedOn,
            row.Depth,
            row.RegionRootId,
            row.ActiveChildCount,
            ancestors,
            row.CreatedAt,
            row.UpdatedAt,
            row.Version
        );
    }

    private sealed record OrganizationRow
    {
        public Guid Id { get; init; }
        public Guid? ParentId { get; init; }
        public string Path { get; init; } = "";
        public string Name { get; init; } = "";
        public string? ShortName { get; init; }
        public OrganizationKind Kind { get; init; }
        public OrganizationField Field { get; init; }
        public string? SecretaryName { get; init; }
        public DateOnly? EstablishedOn { get; init; }
        public DateOnly? TermStartedOn { get; init; }
        public bool HasCommittee { get; init; }
        public string? Description { get; init; }
        public OrganizationStatus Status { get; init; }
        public DateOnly? DissolvedOn { get; init; }
        public int Depth { get; init; }
        public Guid RegionRootId { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public long Version { get; init; }
        public int ActiveChildCount { get; init; }
    }

    private sealed record AncestorRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string Path { get; init; } = "";
    }
}
