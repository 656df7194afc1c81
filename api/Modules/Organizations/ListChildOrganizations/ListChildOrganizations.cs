using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.ListChildOrganizations;

/// <summary>The direct children of a node, for a lazily loaded tree (each says how many children it has).</summary>
internal sealed record ListChildOrganizationsQuery(
    Guid ParentId,
    OrganizationStatusFilter? Status,
    PageRequest Page,
    string? Sort
) : IQuery<Paged<OrganizationListItem>>;

internal sealed class ListChildOrganizationsValidator : AbstractValidator<ListChildOrganizationsQuery>
{
    public ListChildOrganizationsValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.Sort).MaximumLength(200);
    }
}

internal sealed class ListChildOrganizationsHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<ListChildOrganizationsQuery, Paged<OrganizationListItem>>
{
    private const string CountSql = """
        SELECT COUNT(*) FROM organizations o
        WHERE o.parent_id = @parentId AND (@status IS NULL OR o.status = @status)
        """;

    private const string PageSql = """
        SELECT o.id, o.parent_id, o.name, o.short_name, o.kind, o.field, o.secretary_name, o.depth, o.status, o.version,
               (SELECT COUNT(*) FROM organizations c WHERE c.parent_id = o.id AND c.status = 'Active')
                   AS active_child_count
        FROM organizations o
        WHERE o.parent_id = @parentId AND (@status IS NULL OR o.status = @status)
        ORDER BY {orderBy}
        {page}
        """;

    public async ValueTask<Paged<OrganizationListItem>> Handle(
        ListChildOrganizationsQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var order = SortOrder.Parse(query.Sort, OrganizationListing.SortColumns, "tree", "o.id");
        await OrganizationTree.FindAsync(db, scope, query.ParentId, cancellationToken);
        var status =
            (query.Status ?? OrganizationStatusFilter.Active) == OrganizationStatusFilter.All
                ? null
                : (query.Status ?? OrganizationStatusFilter.Active).ToString();
        return await db.QueryPageAsync<OrganizationListItem>(
            CountSql,
            PageSql,
            new { parentId = query.ParentId, status },
            query.Page,
            order,
            cancellationToken
        );
    }
}
