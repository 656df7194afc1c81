using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.ListRuleSets;

internal sealed record RuleSetListItem
{
    public Guid Id { get; init; }
    public Guid? RegionRootId { get; init; }
    public string? RegionName { get; init; }
    public string Name { get; init; } = "";
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }
}

internal sealed record ListRuleSetsQuery(PageRequest Page) : IQuery<Paged<RuleSetListItem>>;

internal sealed class ListRuleSetsValidator : AbstractValidator<ListRuleSetsQuery>
{
    public ListRuleSetsValidator() => this.AddPagingRules(q => q.Page);
}

internal sealed class ListRuleSetsHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<ListRuleSetsQuery, Paged<RuleSetListItem>>
{
    private const string CountSql = """
        SELECT COUNT(*) FROM rule_sets r
        LEFT JOIN organizations o ON o.id = r.region_root_id
        WHERE (@wholeTree = @yes OR r.region_root_id IS NULL OR o.path = @regionPath)
        """;

    private const string PageSql = """
        SELECT r.id, r.region_root_id, o.name AS region_name, r.name, r.updated_at, r.version
        FROM rule_sets r
        LEFT JOIN organizations o ON o.id = r.region_root_id
        WHERE (@wholeTree = @yes OR r.region_root_id IS NULL OR o.path = @regionPath)
        ORDER BY {orderBy}
        {page}
        """;

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["name"] = "r.name {collate-zh}",
    };

    public async ValueTask<Paged<RuleSetListItem>> Handle(
        ListRuleSetsQuery query,
        CancellationToken cancellationToken
    ) =>
        await db.QueryPageAsync<RuleSetListItem>(
            CountSql,
            PageSql,
            RuleSets.Visibility(await currentScope.GetAsync(cancellationToken)),
            query.Page,
            SortOrder.Parse(null, SortColumns, "name", "r.id"),
            cancellationToken
        );
}
