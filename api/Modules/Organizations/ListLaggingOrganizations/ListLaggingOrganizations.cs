using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.ListLaggingOrganizations;

/// <summary>How a lagging organization's level changed from the year before.</summary>
internal enum GradingMovement
{
    /// <summary>Better rank than the year before (晋位升级).</summary>
    [Label("升级", "Upgraded")]
    Upgraded,

    [Label("未变", "Unchanged")]
    Unchanged,

    [Label("降级", "Downgraded")]
    Downgraded,

    /// <summary>Lagging this year with no grading the year before.</summary>
    [Label("新增后进", "Newly lagging")]
    New,

    /// <summary>Lagging the year before and not yet graded this year.</summary>
    [Label("本年未定级", "Not graded this year")]
    NotGraded,
}

/// <summary>
/// Organizations in a subtree that were lagging (后进) in <c>year</c> or in the year before, with both
/// levels and the movement between them: the "rolling upgrade" report.
/// </summary>
internal sealed record ListLaggingOrganizationsQuery(
    Guid Within,
    int Year,
    GradingMovement? Movement,
    PageRequest Page,
    string? Sort
) : IQuery<LaggingReport>;

internal sealed record LaggingOrganization
{
    public Guid OrganizationId { get; init; }
    public string Name { get; init; } = "";
    public OrganizationKind Kind { get; init; }
    public string? Level { get; init; }
    public int? LevelRank { get; init; }
    public string? PreviousLevel { get; init; }
    public int? PreviousLevelRank { get; init; }
    public GradingMovement Movement { get; init; }
}

internal sealed record LaggingReport(
    int Year,
    long LaggingThisYear,
    long LaggingLastYear,
    long UpgradedSinceLastYear,
    IReadOnlyList<LaggingOrganization> Items,
    long Total,
    int Page,
    int PageSize
);

internal sealed class ListLaggingOrganizationsValidator : AbstractValidator<ListLaggingOrganizationsQuery>
{
    public ListLaggingOrganizationsValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.Year).InclusiveBetween(1922, 2200);
        RuleFor(q => q.Movement).IsInEnum();
    }
}

internal sealed class ListLaggingOrganizationsHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<ListLaggingOrganizationsQuery, LaggingReport>
{
    private const string Report = """
        FROM (
            SELECT o.id AS organization_id, o.name, o.kind,
                   cur.level AS level, cur.level_rank AS level_rank, cur.is_lagging AS lagging_now,
                   prev.level AS previous_level, prev.level_rank AS previous_level_rank,
                   prev.is_lagging AS lagging_before,
                   CASE
                       WHEN cur.level IS NULL THEN 'NotGraded'
                       WHEN prev.level IS NULL THEN 'New'
                       WHEN cur.level_rank < prev.level_rank THEN 'Upgraded'
                       WHEN cur.level_rank > prev.level_rank THEN 'Downgraded'
                       ELSE 'Unchanged'
                   END AS movement
            FROM organizations o
            LEFT JOIN gradings cur ON cur.org_id = o.id AND cur.year = @year
            LEFT JOIN gradings prev ON prev.org_id = o.id AND prev.year = @previousYear
            WHERE o.path >= @from AND o.path < @to
              AND (cur.is_lagging = @yes OR prev.is_lagging = @yes)
        ) report
        """;

    private const string CountSql =
        "SELECT COUNT(*) " + Report + " WHERE (@movement IS NULL OR report.movement = @movement)";

    private const string PageSql =
        """
            SELECT report.organization_id, report.name, report.kind, report.level, report.level_rank,
                   report.previous_level, report.previous_level_rank, report.movement
            """
        + "\n"
        + Report
        + """

            WHERE (@movement IS NULL OR report.movement = @movement)
            ORDER BY {orderBy}
            {page}
            """;

    private const string SummarySql =
        """
            SELECT
                SUM(CASE WHEN report.lagging_now = @yes THEN 1 ELSE 0 END) AS lagging_this_year,
                SUM(CASE WHEN report.lagging_before = @yes THEN 1 ELSE 0 END) AS lagging_last_year,
                SUM(CASE WHEN report.lagging_before = @yes AND report.movement = 'Upgraded' THEN 1 ELSE 0 END)
                    AS upgraded
            """
        + "\n"
        + Report;

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["name"] = "report.name {collate-zh}",
        ["movement"] = "report.movement",
        ["level"] = "report.level_rank",
        ["previousLevel"] = "report.previous_level_rank",
    };

    public async ValueTask<LaggingReport> Handle(
        ListLaggingOrganizationsQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var order = SortOrder.Parse(query.Sort, SortColumns, "name", "report.organization_id");
        var (from, to) = await OrganizationTree.RangeAsync(db, scope, query.Within, cancellationToken);
        var parameters = new
        {
            from,
            to,
            year = query.Year,
            previousYear = query.Year - 1,
            yes = true,
            movement = query.Movement?.ToString(),
        };
        var summary =
            await db.QuerySingleOrDefaultAsync<Summary>(SummarySql, parameters, cancellationToken) ?? new Summary();
        var page = await db.QueryPageAsync<LaggingOrganization>(
            CountSql,
            PageSql,
            parameters,
            query.Page,
            order,
            cancellationToken
        );
        return new LaggingReport(
            query.Year,
            summary.LaggingThisYear ?? 0,
            summary.LaggingLastYear ?? 0,
            summary.Upgraded ?? 0,
            page.Items,
            page.Total,
            page.Page,
            page.PageSize
        );
    }

    private sealed record Summary
    {
        public long? LaggingThisYear { get; init; }
        public long? LaggingLastYear { get; init; }
        public long? Upgraded { get; init; }
    }
}
