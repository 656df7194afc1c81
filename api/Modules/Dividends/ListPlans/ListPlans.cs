using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.ListPlans;

/// The distribution plans in the caller's scope: the current version of each by default (allVersions=true adds the
/// superseded ones), narrowed by collective, year, stage or words of the title or collective.
internal sealed record PlanFilter(Guid? CollectiveId, int? Year, PlanStage? Stage, bool? AllVersions, string? Q)
{
    public ListPlansQuery ToQuery(PageRequest page, string? sort) => new(this, page, sort);
}

internal sealed record ListPlansQuery(PlanFilter Filter, PageRequest Page, string? Sort) : IQuery<Paged<PlanListItem>>;

internal sealed record PlanListItem
{
    public Guid Id { get; init; }
    public Guid PlanGroupId { get; init; }
    public int VersionNo { get; init; }
    public Guid CollectiveId { get; init; }
    public string CollectiveName { get; init; } = "";
    public int Year { get; init; }
    public string Title { get; init; } = "";
    public DateOnly CutOffOn { get; init; }
    public PlanStage Stage { get; init; }
    public Money Total { get; init; }
    public int LineCount { get; init; }
    public string PreparedByName { get; init; } = "";
    public DateOnly? NoticeEndsOn { get; init; }
    public DateTimeOffset? ApprovedAt { get; init; }
    public DateTimeOffset? PayoutsCreatedAt { get; init; }
    public int OpenObjections { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }
}

internal sealed class ListPlansValidator : AbstractValidator<ListPlansQuery>
{
    public ListPlansValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.Filter.Year).InclusiveBetween(2000, 2100);
        RuleFor(q => q.Filter.Stage).IsInEnum();
        RuleFor(q => q.Filter.Q).MaximumLength(50);
    }
}

internal sealed class ListPlansHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<ListPlansQuery, Paged<PlanListItem>>
{
    private const string Filter = """
        FROM dividend_plans p JOIN collectives c ON c.id = p.collective_id
        WHERE p.org_path >= @from AND p.org_path < @to
          AND (@collectiveId IS NULL OR p.collective_id = @collectiveId)
          AND (@year IS NULL OR p.year = @year)
          AND (@stage IS NULL OR p.stage = @stage)
          AND (@allVersions = 1 OR @stage = 'Superseded' OR p.stage <> 'Superseded')
          AND (@q IS NULL OR p.title LIKE @q ESCAPE '\' OR c.name LIKE @q ESCAPE '\')
        """;

    private const string CountSql = "SELECT COUNT(*) " + Filter;

    private const string PageSql =
        """
            SELECT p.id, p.plan_group_id, p.version_no, p.collective_id, c.name AS collective_name, p.year, p.title,
                p.cut_off_on, p.stage, p.total_fen AS total, p.line_count, p.prepared_by_name, p.notice_ends_on,
                p.approved_at, p.payouts_created_at,
                (SELECT COUNT(*) FROM dividend_plan_objections o WHERE o.plan_id = p.id AND o.status <> 'Closed')
                    AS open_objections,
                p.updated_at, p.version
            """
        + "\n"
        + Filter
        + "\nORDER BY {orderBy}\n{page}";

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["year"] = "p.year",
        ["title"] = "p.title {collate-zh}",
        ["collective"] = "c.name {collate-zh}",
        ["total"] = "p.total_fen",
        ["updatedAt"] = "p.updated_at",
    };

    public async ValueTask<Paged<PlanListItem>> Handle(ListPlansQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var order = SortOrder.Parse(query.Sort, SortColumns, "-updatedAt", "p.id");
        var f = query.Filter;
        return await db.QueryPageAsync<PlanListItem>(
            CountSql,
            PageSql,
            new
            {
                from = scope.From,
                to = scope.To,
                collectiveId = f.CollectiveId,
                year = f.Year,
                stage = f.Stage?.ToString(),
                allVersions = f.AllVersions == true ? 1 : 0,
                q = LikePattern.Contains(f.Q),
            },
            query.Page,
            order,
            cancellationToken
        );
    }
}
