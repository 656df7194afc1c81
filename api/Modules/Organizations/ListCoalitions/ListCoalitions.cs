using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Mediator;

namespace Jiceng.Modules.Organizations.ListCoalitions;

internal sealed record CoalitionListItem
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public int MemberCount { get; init; }
    public long Version { get; init; }
}

/// <summary>Coalitions by name; <c>memberOf</c> keeps those an organization belongs to.</summary>
internal sealed record ListCoalitionsQuery(string? Q, Guid? MemberOf, PageRequest Page, string? Sort)
    : IQuery<Paged<CoalitionListItem>>;

internal sealed class ListCoalitionsValidator : AbstractValidator<ListCoalitionsQuery>
{
    public ListCoalitionsValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.Q).MaximumLength(100);
    }
}

internal sealed class ListCoalitionsHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<ListCoalitionsQuery, Paged<CoalitionListItem>>
{
    private const string Filter = """
        FROM coalitions c
        WHERE EXISTS (SELECT 1 FROM coalition_members sm JOIN organizations so ON so.id = sm.org_id
                      WHERE sm.coalition_id = c.id AND so.path >= @scopeFrom AND so.path < @scopeTo)
          AND (@pattern IS NULL OR c.name LIKE @pattern ESCAPE '\')
          AND (@memberOf IS NULL OR EXISTS (SELECT 1 FROM coalition_members m WHERE m.coalition_id = c.id AND m.org_id
              = @memberOf))
        """;

    private const string CountSql = "SELECT COUNT(*) " + Filter;

    private const string PageSql =
        """
            SELECT c.id, c.name, c.description, c.version,
                   (SELECT COUNT(*) FROM coalition_members m WHERE m.coalition_id = c.id) AS member_count
            """
        + "\n"
        + Filter
        + "\nORDER BY {orderBy}\n{page}";

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["name"] = "c.name {collate-zh}",
    };

    public async ValueTask<Paged<CoalitionListItem>> Handle(
        ListCoalitionsQuery query,
        CancellationToken cancellationToken
    )
    {
        var order = SortOrder.Parse(query.Sort, SortColumns, "name", "c.id");
        var scope = await currentScope.GetAsync(cancellationToken);
        return await db.QueryPageAsync<CoalitionListItem>(
            CountSql,
            PageSql,
            new
            {
                pattern = LikePattern.Contains(query.Q),
                memberOf = query.MemberOf,
                scopeFrom = scope.From,
                scopeTo = scope.To,
            },
            query.Page,
            order,
            cancellationToken
        );
    }
}
