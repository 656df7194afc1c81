using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.GetSubtreeStatistics;

/// <summary>Counts over an organization's subtree; <c>year</c>
/// picks the grading year (default: the latest graded).</summary>
internal sealed record GetSubtreeStatisticsQuery(Guid Id, int? Year) : IQuery<SubtreeStatisticsResponse>;

internal sealed record KeyCount
{
    public string Key { get; init; } = "";
    public long Count { get; init; }
}

internal sealed record GradingLevelCount(string Code, string Name, int Rank, bool Lagging, long Count);

internal sealed record SubtreeStatisticsResponse(
    Guid OrganizationId,
    string Name,
    long ActiveOrganizations,
    long DissolvedOrganizations,
    IReadOnlyList<KeyCount> ByKind,
    IReadOnlyList<KeyCount> ByField,
    IReadOnlyList<KeyCount> ByDepth,
    int? GradingYear,
    IReadOnlyList<GradingLevelCount> ByGradingLevel,
    long Ungraded,
    long ActivePairings,
    long OpenRectifications,
    long OverdueRectifications,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Contributed
);

internal sealed class GetSubtreeStatisticsValidator : AbstractValidator<GetSubtreeStatisticsQuery>
{
    public GetSubtreeStatisticsValidator() => RuleFor(q => q.Year).InclusiveBetween(1921, 2200);
}

internal sealed class GetSubtreeStatisticsHandler(
    DbSession db,
    CurrentScope currentScope,
    TimeProvider clock,
    IEnumerable<IOrganizationStatisticsContributor> contributors
) : IQueryHandler<GetSubtreeStatisticsQuery, SubtreeStatisticsResponse>
{
    private const string ByStatusSql = """
        SELECT status AS "key", COUNT(*) AS "count" FROM organizations
        WHERE path >= @from AND path < @to GROUP BY status
        """;

    private const string ByKindSql = """
        SELECT kind AS "key", COUNT(*) AS "count" FROM organizations
        WHERE path >= @from AND path < @to AND status = 'Active' GROUP BY kind
        """;

    private const string ByFieldSql = """
        SELECT field AS "key", COUNT(*) AS "count" FROM organizations
        WHERE path >= @from AND path < @to AND status = 'Active' GROUP BY field
        """;

    private const string ByDepthSql = """
        SELECT CAST(depth AS VARCHAR(10)) AS "key", COUNT(*) AS "count" FROM organizations
        WHERE path >= @from AND path < @to AND status = 'Active' GROUP BY depth
        """;

    private const string LatestGradingYearSql = """
        SELECT MAX(g.year) FROM gradings g
        JOIN organizations o ON o.id = g.org_id
        WHERE o.path >= @from AND o.path < @to
        """;

    private const string ByGradingLevelSql = """
        SELECT g.level AS "key", COUNT(*) AS "count" FROM gradings g
        JOIN organizations o ON o.id = g.org_id
        WHERE o.path >= @from AND o.path < @to AND o.status = 'Active' AND g.year = @year
        GROUP BY g.level
        """;

    private const string ActivePairingsSql = """
        SELECT COUNT(*) FROM pairings p
        JOIN organizations o ON o.id = p.org_id
        WHERE o.path >= @from AND o.path < @to AND p.starts_on <= @today AND (p.ends_on IS NULL OR p.ends_on >= @today)
        """;

    private const string OpenRectificationsSql = """
        SELECT COUNT(*) FROM rectifications r
        JOIN organizations o ON o.id = r.org_id
        WHERE o.path >= @from AND o.path < @to AND r.status = 'Open'
        """;

    private const string OverdueRectificationsSql = """
        SELECT COUNT(*) FROM rectifications r
        JOIN organizations o ON o.id = r.org_id
        WHERE o.path >= @from AND o.path < @to AND r.status = 'Open' AND r.due_on < @today
        """;

    private const string SubtreeIdsSql =
        "SELECT id FROM organizations WHERE path >= @from AND path < @to AND status = 'Active'";

    public async ValueTask<SubtreeStatisticsResponse> Handle(
        GetSubtreeStatisticsQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var node = await OrganizationTree.FindAsync(db, scope, query.Id, cancellationToken);
        var range = new { from = node.Path, to = node.SubtreeEnd };
        var today = clock.Today();
        var dated = new
        {
            from = node.Path,
            to = node.SubtreeEnd,
            today,
        };

        var byStatus = await db.QueryAsync<KeyCount>(ByStatusSql, range, cancellationToken);
        var active = byStatus.Where(s => s.Key == nameof(OrganizationStatus.Active)).Sum(s => s.Count);
        var byKind = await db.QueryAsync<KeyCount>(ByKindSql, range, cancellationToken);
        var byField = await db.QueryAsync<KeyCount>(ByFieldSql, range, cancellationToken);
        var byDepth = await db.QueryAsync<KeyCount>(ByDepthSql, range, cancellationToken);

        var year = query.Year ?? await db.ExecuteScalarAsync<int?>(LatestGradingYearSql, range, cancellationToken);
        // Every level of the region's set is listed, counted 0 when nobody has it (or nothing is graded yet),
        // so a client can offer the region's levels from here.
        var rules = await RegionRules.ForRegionAsync(db, node.RegionRootId, cancellationToken);
        var counts = year is null
            ? []
            : await db.QueryAsync<KeyCount>(
                ByGradingLevelSql,
                new
                {
                    from = node.Path,
                    to = node.SubtreeEnd,
                    year,
                },
                cancellationToken
            );
        IReadOnlyList<GradingLevelCount> byLevel = counts
            .Select(c =>
                rules.Level(c.Key) is { } level
                    ? new GradingLevelCount(level.Code, level.Name, level.Rank, rules.IsLagging(level.Code), c.Count)
                    : new GradingLevelCount(c.Key, c.Key, int.MaxValue, false, c.Count)
            )
            .Concat(
                rules
                    .GradingLevels.Levels.Where(l => counts.All(c => c.Key != l.Code))
                    .Select(l => new GradingLevelCount(l.Code, l.Name, l.Rank, rules.IsLagging(l.Code), 0))
            )
            .OrderBy(l => l.Rank)
            .ToList();

        var contributed = new Dictionary<string, IReadOnlyDictionary<string, long>>();
        if (contributors.Any())
        {
            var subtree = new OrganizationSubtree(node.Id, node.Path, node.SubtreeEnd);
            foreach (var contributor in contributors)
            {
                contributed[contributor.Key] = await contributor.CountAsync(subtree, cancellationToken);
            }
        }

        return new SubtreeStatisticsResponse(
            node.Id,
            node.Name,
            active,
            byStatus.Where(s => s.Key == nameof(OrganizationStatus.Dissolved)).Sum(s => s.Count),
            byKind.OrderByDescending(k => k.Count).ToList(),
            byField.OrderByDescending(k => k.Count).ToList(),
            byDepth.OrderBy(k => int.Parse(k.Key, System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            year,
            byLevel,
            active - byLevel.Sum(l => l.Count),
            await db.ExecuteScalarAsync<long>(ActivePairingsSql, dated, cancellationToken),
            await db.ExecuteScalarAsync<long>(OpenRectificationsSql, range, cancellationToken),
            await db.ExecuteScalarAsync<long>(OverdueRectificationsSql, dated, cancellationToken),
            contributed
        );
    }
}
