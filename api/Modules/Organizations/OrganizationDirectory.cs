using Dapper;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Organizations.Domain;

namespace Jiceng.Modules.Organizations;

/// <summary>The Organizations module's answers to other modules and to the security infrastructure.</summary>
internal sealed class OrganizationDirectory(DbConnectionFactory connections)
    : IOrganizationDirectory,
        IDataScopeResolver
{
    private const string PathSql = "SELECT path FROM organizations WHERE id = @id";

    private const string ActivePathSql = "SELECT path FROM organizations WHERE id = @id AND status = 'Active'";

    private const string FindWithinSql = """
        SELECT id, name, depth, path, field FROM organizations
        WHERE id = @id AND status = 'Active' AND path >= @from AND path < @to
        """;

    private const string SubtreeWithinSql =
        "SELECT path FROM organizations WHERE id = @id AND path >= @from AND path < @to";

    private const string ContainsSql =
        "SELECT COUNT(*) FROM organizations WHERE id = @id AND path >= @from AND path < @to";

    private const string RootsSql =
        "SELECT id, name, depth, path, field FROM organizations WHERE depth = 0 AND status = 'Active' ORDER BY path";

    private const string BranchesSql = """
        SELECT id, name, depth, path, field FROM organizations
        WHERE status = 'Active' AND kind IN ('Branch', 'JointBranch', 'TemporaryBranch', 'GeneralBranch')
        ORDER BY path
        """;

    private const string NamesSql = "SELECT id, name, depth, path, field FROM organizations WHERE id {in:ids}";

    private const string ActiveInRangeSql =
        "SELECT id, name, depth, path, field FROM organizations WHERE "
        + "path >= @from AND path < @to AND status = 'Active' ORDER BY path";

    // Names are asked for a page or a whole export at a time: in chunks below SQL Server's 2,100 parameters.
    private const int NamesChunk = 1000;

    public async Task<DataScope> ResolveAsync(
        DbSession session,
        Guid organizationId,
        CancellationToken cancellationToken
    )
    {
        var path = await session.QuerySingleOrDefaultAsync<string>(
            ActivePathSql,
            new { id = organizationId },
            cancellationToken
        );
        return path is null ? DataScope.Nothing : new DataScope(path, TreePath.SubtreeEnd(path));
    }

    public Task<string?> PathOfAsync(DbSession session, Guid organizationId, CancellationToken cancellationToken) =>
        session.QuerySingleOrDefaultAsync<string>(PathSql, new { id = organizationId }, cancellationToken);

    public async Task<OrganizationReference?> FindWithinAsync(
        Guid id,
        DataScope scope,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            FindWithinSql,
            new
            {
                id,
                from = scope.From,
                to = scope.To,
            }
        );
        return row is null ? null : new OrganizationReference(row.Id, row.Name, row.Depth, row.Path, row.Field);
    }

    public async Task<OrganizationSubtree?> SubtreeWithinAsync(
        Guid id,
        DataScope scope,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var path = await connection.QuerySingleOrDefaultAsync<string>(
            SubtreeWithinSql,
            new
            {
                id,
                from = scope.From,
                to = scope.To,
            }
        );
        return path is null ? null : new OrganizationSubtree(id, path, TreePath.SubtreeEnd(path));
    }

    public async Task<bool> ContainsAsync(Guid id, DataScope scope, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(
                ContainsSql,
                new
                {
                    id,
                    from = scope.From,
                    to = scope.To,
                }
            ) > 0;
    }

    public async Task<IReadOnlyList<OrganizationReference>> ListRootsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Row>(RootsSql))
            .Select(r => new OrganizationReference(r.Id, r.Name, r.Depth, r.Path, r.Field))
            .ToList();
    }

    public async Task<IReadOnlyList<OrganizationReference>> ListBranchesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Row>(BranchesSql))
            .Select(r => new OrganizationReference(r.Id, r.Name, r.Depth, r.Path, r.Field))
            .ToList();
    }

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(
        IReadOnlyCollection<Guid> ids,
        CancellationToken cancellationToken
    )
    {
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }
        await using var connection = await connections.OpenAsync(cancellationToken);
        var names = new Dictionary<Guid, string>();
        foreach (var chunk in ids.Distinct().Chunk(NamesChunk))
        {
            foreach (
                var row in await connection.QueryAsync<Row>(
                    connections.Dialect.Render(NamesSql),
                    ParameterBinder.Bind(new { ids = chunk }, connections.Provider)
                )
            )
            {
                names[row.Id] = row.Name;
            }
        }
        return names;
    }

    public async Task<IReadOnlyList<OrganizationReference>> ListActiveInSubtreeAsync(
        OrganizationSubtree subtree,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (
            await connection.QueryAsync<Row>(
                ActiveInRangeSql,
                ParameterBinder.Bind(new { from = subtree.PathFrom, to = subtree.PathTo }, connections.Provider)
            )
        )
            .Select(r => new OrganizationReference(r.Id, r.Name, r.Depth, r.Path, r.Field))
            .ToList();
    }

    private sealed record Row
    {
        public string Path { get; init; } = "";
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public int Depth { get; init; }

        public string Field { get; init; } = "";
    }
}
