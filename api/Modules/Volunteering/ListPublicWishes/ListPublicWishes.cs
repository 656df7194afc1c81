using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.ListPublicWishes;

/// <summary>A region's public wish wall: its name and a page of its wishes as <see cref="PublicWishResponse"/>.
/// </summary>
internal sealed record PublicWishWallResponse(
    Guid RegionId,
    string RegionName,
    IReadOnlyList<PublicWishResponse> Items,
    long Total,
    int Page,
    int PageSize
);

/// <summary>
/// The anonymous wall (心愿墙) of a region: its wishes, newest first, without names, phones, values or claimants. A
/// region that turned the wall off (rule publicWishWall = 0), a region that does not exist and an organization that is
/// not a region all answer the same 404, so the page tells nothing about the tree.
/// </summary>
internal sealed record ListPublicWishesQuery(Guid RegionId, WishState? State, PageRequest Page)
    : IQuery<PublicWishWallResponse>;

internal sealed class ListPublicWishesValidator : AbstractValidator<ListPublicWishesQuery>
{
    public ListPublicWishesValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.State).IsInEnum();
    }
}

internal sealed class ListPublicWishesHandler(
    DbSession db,
    IOrganizationDirectory organizations,
    VolunteeringRuleSets ruleSets
) : IQueryHandler<ListPublicWishesQuery, PublicWishWallResponse>
{
    private const string Filter = """
        FROM micro_wishes
        WHERE org_path >= @from AND org_path < @to AND state <> 'Cancelled' AND (@state IS NULL OR state = @state)
        """;

    private const string CountSql = "SELECT COUNT(*) " + Filter;

    private const string PageSql = "SELECT " + MicroWishes.Columns + "\n" + Filter + "\nORDER BY {orderBy}\n{page}";

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["placedOn"] = "placed_on",
    };

    public async ValueTask<PublicWishWallResponse> Handle(
        ListPublicWishesQuery query,
        CancellationToken cancellationToken
    )
    {
        // Anonymous: no caller scope. The region itself is the scope, and only a region's root is a wall.
        var region = await organizations.FindWithinAsync(query.RegionId, DataScope.WholeTree, cancellationToken);
        if (region is not { Depth: 0 })
        {
            throw new NotFoundException("WishWall");
        }
        var rules = await ruleSets.ForAsync(region.Id, cancellationToken);
        if (!MicroWishRules.WallIsOpen(rules.PublicWishWall.Value))
        {
            throw new NotFoundException("WishWall");
        }
        var subtree =
            await organizations.SubtreeWithinAsync(region.Id, DataScope.WholeTree, cancellationToken)
            ?? throw new NotFoundException("WishWall");
        var page = await db.QueryPageAsync<MicroWishRow>(
            CountSql,
            PageSql,
            new
            {
                from = subtree.PathFrom,
                to = subtree.PathTo,
                state = query.State?.ToString(),
            },
            query.Page,
            SortOrder.Parse(null, SortColumns, "-placedOn", "id"),
            cancellationToken
        );
        var names = await organizations.NamesAsync(
            page.Items.Select(r => r.OrgId).Distinct().ToList(),
            cancellationToken
        );
        var items = page.Items.Select(r => MicroWishes.ForWall(r, names.GetValueOrDefault(r.OrgId, ""))).ToList();
        return new PublicWishWallResponse(region.Id, region.Name, items, page.Total, page.Page, page.PageSize);
    }
}
