using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Volunteering.ListMicroWishes;

/// <summary>The list's filters, bound once from the query string for the list and its export.</summary>
internal sealed record MicroWishFilter(
    [FromQuery(Name = "state")] WishState? State,
    [FromQuery(Name = "kind")] WishKind? Kind,
    [FromQuery(Name = "organizationId")] Guid? OrganizationId,
    [FromQuery(Name = "includeDescendants")] bool? IncludeDescendants,
    [FromQuery(Name = "year")] int? Year
)
{
    public ListMicroWishesQuery ToQuery(PageRequest page, string? sort) => new(this, page, sort);
}

internal sealed record ListMicroWishesQuery(MicroWishFilter Filter, PageRequest Page, string? Sort)
    : IQuery<Paged<MicroWishResponse>>;

internal sealed class ListMicroWishesValidator : AbstractValidator<ListMicroWishesQuery>
{
    public ListMicroWishesValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.Filter.State).IsInEnum().OverridePropertyName("state");
        RuleFor(q => q.Filter.Kind).IsInEnum().OverridePropertyName("kind");
        RuleFor(q => q.Filter.Year).InclusiveBetween(2000, 2100).OverridePropertyName("year");
    }
}

internal sealed class ListMicroWishesHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations
) : IQueryHandler<ListMicroWishesQuery, Paged<MicroWishResponse>>
{
    private const string Filter = """
        FROM micro_wishes
        WHERE org_path >= @from AND org_path < @to
          AND (@orgId IS NULL OR org_id = @orgId)
          AND (@state IS NULL OR state = @state)
          AND (@kind IS NULL OR kind = @kind)
          AND (@placedFrom IS NULL OR (placed_on >= @placedFrom AND placed_on < @placedTo))
        """;

    private const string CountSql = "SELECT COUNT(*) " + Filter;

    private const string PageSql = "SELECT " + MicroWishes.Columns + "\n" + Filter + "\nORDER BY {orderBy}\n{page}";

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["placedOn"] = "placed_on",
        ["state"] = "state",
        ["estimatedValue"] = "estimated_value_fen",
        ["deliveredOn"] = "delivered_on",
    };

    public async ValueTask<Paged<MicroWishResponse>> Handle(
        ListMicroWishesQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var filter = query.Filter;
        var (from, to) = (scope.From, scope.To);
        if (filter.OrganizationId is { } organizationId)
        {
            var subtree =
                await organizations.SubtreeWithinAsync(organizationId, scope, cancellationToken)
                ?? throw new NotFoundException("Organization");
            (from, to) = (subtree.PathFrom, subtree.PathTo);
        }
        var page = await db.QueryPageAsync<MicroWishRow>(
            CountSql,
            PageSql,
            new
            {
                from,
                to,
                orgId = (filter.IncludeDescendants ?? true) ? null : filter.OrganizationId,
                state = filter.State?.ToString(),
                kind = filter.Kind?.ToString(),
                placedFrom = filter.Year is { } year ? new DateOnly(year, 1, 1) : (DateOnly?)null,
                placedTo = filter.Year is { } next ? new DateOnly(next + 1, 1, 1) : (DateOnly?)null,
            },
            query.Page,
            SortOrder.Parse(query.Sort, SortColumns, "-placedOn", "id"),
            cancellationToken
        );
        var items = await MicroWishes.RespondAsync(page.Items, organizations, cancellationToken);
        return new Paged<MicroWishResponse>(items, page.Total, page.Page, page.PageSize);
    }
}
