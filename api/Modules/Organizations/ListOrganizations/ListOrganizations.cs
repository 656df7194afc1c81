using Jiceng.Infrastructure.Primitives;
using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.ListOrganizations;

internal enum OrganizationStatusFilter
{
    [Label("正常", "Active")]
    Active,
    [Label("已撤销", "Dissolved")]
    Dissolved,
    [Label("全部", "All")]
    All,
}

/// <summary>Organizations within a subtree (or the whole tree), filtered, sorted and paged.</summary>
internal sealed record ListOrganizationsQuery(
    Guid? Within,
    OrganizationKind? Kind,
    OrganizationField? Field,
    string? Q,
    OrganizationStatusFilter? Status,
    int? Depth,
    PageRequest Page,
    string? Sort) : IQuery<Paged<OrganizationListItem>>;

internal sealed record OrganizationListItem
{
    public Guid Id { get; init; }
    public Guid? ParentId { get; init; }
    public string Name { get; init; } = "";
    public string? ShortName { get; init; }
    public OrganizationKind Kind { get; init; }
    public OrganizationField Field { get; init; }
    public string? SecretaryName { get; init; }
    public int Depth { get; init; }
    public OrganizationStatus Status { get; init; }
    public int ActiveChildCount { get; init; }
    public long Version { get; init; }
}

internal sealed class ListOrganizationsValidator : AbstractValidator<ListOrganizationsQuery>
{
    public ListOrganizationsValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.Q).MaximumLength(100);
        RuleFor(q => q.Depth).InclusiveBetween(0, TreePath.MaxDepth);
        RuleFor(q => q.Sort).MaximumLength(200);
    }
}

internal sealed class ListOrganizationsHandler(DbSession db, CurrentScope currentScope) : IQueryHandler<ListOrganizationsQuery, Paged<OrganizationListItem>>
{
    public static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["name"] = "o.name",
        ["kind"] = "o.kind",
        ["field"] = "o.field",
        ["depth"] = "o.depth",
        ["createdAt"] = "o.created_at",
        ["tree"] = "o.path",
    };

    private const string Filter = """
        FROM organizations o
        WHERE o.path >= @from AND o.path < @to
          AND (@kind IS NULL OR o.kind = @kind)
          AND (@field IS NULL OR o.field = @field)
          AND (@pattern IS NULL OR o.name LIKE @pattern ESCAPE '\' OR o.short_name LIKE @pattern ESCAPE '\')
          AND (@status IS NULL OR o.status = @status)
          AND (@depth IS NULL OR o.depth = @depth)
        """;

    public const string CountSql = "SELECT COUNT(*) " + Filter;

    public const string PageSql = """
        SELECT o.id, o.parent_id, o.name, o.short_name, o.kind, o.field, o.secretary_name, o.depth, o.status, o.version,
               (SELECT COUNT(*) FROM organizations c WHERE c.parent_id = o.id AND c.status = 'Active') AS active_child_count
        """ + "\n" + Filter + "\nORDER BY {orderBy}\n{page}";

    public async ValueTask<Paged<OrganizationListItem>> Handle(ListOrganizationsQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var order = SortOrder.Parse(query.Sort, SortColumns, "tree", "o.id");
        var (from, to) = await OrganizationTree.RangeAsync(db, scope, query.Within, cancellationToken);
        var parameters = Parameters(from, to, query);
        return await db.QueryPageAsync<OrganizationListItem>(CountSql, PageSql, parameters, query.Page, order, cancellationToken);
    }

    public static object Parameters(string from, string to, ListOrganizationsQuery query) => new
    {
        from,
        to,
        kind = query.Kind?.ToString(),
        field = query.Field?.ToString(),
        pattern = LikePattern.Contains(query.Q),
        status = (query.Status ?? OrganizationStatusFilter.Active) switch
        {
            OrganizationStatusFilter.All => null,
            var status => status.ToString(),
        },
        depth = query.Depth,
    };
}
