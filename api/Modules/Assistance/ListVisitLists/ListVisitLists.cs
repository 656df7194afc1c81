using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Assistance.ListVisitLists;

internal sealed record ListVisitListsQuery(int? Year, VisitOccasion? Occasion, PageRequest Page, string? Sort)
    : IQuery<Paged<VisitListResponse>>;

internal sealed class ListVisitListsValidator : AbstractValidator<ListVisitListsQuery>
{
    public ListVisitListsValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.Occasion).IsInEnum();
        RuleFor(q => q.Year).InclusiveBetween(2000, 2100);
    }
}

internal sealed class ListVisitListsHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations
) : IQueryHandler<ListVisitListsQuery, Paged<VisitListResponse>>
{
    private const string Filter = """
        FROM assistance_visit_lists l
        WHERE l.org_path >= @from AND l.org_path < @to AND (@year IS NULL OR l.year = @year)
          AND (@occasion IS NULL OR l.occasion = @occasion)
        """;

    private const string CountSql = "SELECT COUNT(*) " + Filter;

    private const string PageSql =
        """
            SELECT l.id, l.org_id, l.occasion, l.year, l.occasion_on, l.window_opens_on, l.created_by_name, l.version,
                (SELECT COUNT(*) FROM assistance_visits v WHERE v.list_id = l.id) AS total,
                (SELECT COUNT(*) FROM assistance_visits v WHERE v.list_id = l.id AND v.status = 'Visited') AS visited,
                (SELECT COALESCE(SUM(v.money), 0) FROM assistance_visits v WHERE v.list_id = l.id) AS money_given,
                (SELECT COALESCE(SUM(v.goods_value), 0) FROM assistance_visits v WHERE v.list_id = l.id) AS goods_value
            """
        + "\n"
        + Filter
        + "\nORDER BY {orderBy}\n{page}";

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["occasionOn"] = "l.occasion_on",
        ["year"] = "l.year",
    };

    public async ValueTask<Paged<VisitListResponse>> Handle(
        ListVisitListsQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var page = await db.QueryPageAsync<Row>(
            CountSql,
            PageSql,
            new
            {
                from = scope.From,
                to = scope.To,
                year = query.Year,
                occasion = query.Occasion?.ToString(),
            },
            query.Page,
            SortOrder.Parse(query.Sort, SortColumns, "-occasionOn", "l.id"),
            cancellationToken
        );
        var names = await organizations.NamesAsync(
            page.Items.Select(r => r.OrgId).Distinct().ToList(),
            cancellationToken
        );
        return page.Map(r => new VisitListResponse(
            r.Id,
            r.OrgId,
            names.GetValueOrDefault(r.OrgId, ""),
            r.Occasion,
            r.Year,
            r.OccasionOn,
            r.WindowOpensOn,
            r.Total,
            r.Visited,
            r.MoneyGiven,
            r.GoodsValue,
            r.CreatedByName,
            r.Version
        ));
    }

    private sealed record Row
    {
        public Guid Id { get; init; }
        public Guid OrgId { get; init; }
        public VisitOccasion Occasion { get; init; }
        public int Year { get; init; }
        public DateOnly OccasionOn { get; init; }
        public DateOnly WindowOpensOn { get; init; }
        public string CreatedByName { get; init; } = "";
        public long Version { get; init; }
        public long Total { get; init; }
        public long Visited { get; init; }
        public Money MoneyGiven { get; init; }
        public Money GoodsValue { get; init; }
    }
}
