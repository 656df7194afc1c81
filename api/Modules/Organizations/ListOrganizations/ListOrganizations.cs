using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.ListOrganizations;

/// <summary>Organizations within a subtree (or the whole tree), filtered, sorted and paged.</summary>
internal sealed record ListOrganizationsQuery(
    Guid? Within,
    OrganizationKind? Kind,
    OrganizationField? Field,
    string? Q,
    OrganizationStatusFilter? Status,
    int? Depth,
    PageRequest Page,
    string? Sort
) : IQuery<Paged<OrganizationListItem>>;

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

internal sealed class ListOrganizationsHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<ListOrganizationsQuery, Paged<OrganizationListItem>>
{
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

    public const string PageSql =
        """
            SELECT o.id, o.parent_id, o.name, o.short_name, o.kind, o.field, o.secretary_name, o.depth, o.status,
                o.version,
                   (SELECT COUNT(*) FROM organizations c WHERE c.parent_id = o.id AND c.status = 'Active')
                       AS active_child_count
            """
        + "\n"
        + Filter
        + "\nORDER BY {orderBy}\n{page}";

    public async ValueTask<Paged<OrganizationListItem>> Handle(
        ListOrganizationsQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var order = SortOrder.Parse(query.Sort, OrganizationListing.SortColumns, "tree", "o.id");
        var (from, to) = await OrganizationTree.RangeAsync(db, scope, query.Within, cancellationToken);
        var parameters = Parameters(from, to, query);
        return await db.QueryPageAsync<OrganizationListItem>(
            CountSql,
            PageSql,
            parameters,
            query.Page,
            order,
            cancellationToken
        );
    }

    public static object Parameters(string from, string to, ListOrganizationsQuery query) =>
        new
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
