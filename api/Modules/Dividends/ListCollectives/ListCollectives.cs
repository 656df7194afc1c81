using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Dividends.ListCollectives;

/// <summary>The list's filters, bound once from the query string for the list and its export.</summary>
internal sealed record CollectiveFilter(
    [FromQuery(Name = "organizationId")] Guid? OrganizationId,
    [FromQuery(Name = "kind")] CollectiveKind? Kind,
    [FromQuery(Name = "q")] string? Q
)
{
    public ListCollectivesQuery ToQuery(PageRequest page, string? sort) => new(this, page, sort);
}

internal sealed record ListCollectivesQuery(CollectiveFilter Filter, PageRequest Page, string? Sort)
    : IQuery<Paged<CollectiveResponse>>;

internal sealed class ListCollectivesValidator : AbstractValidator<ListCollectivesQuery>
{
    public ListCollectivesValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.Filter.Kind).IsInEnum();
        RuleFor(q => q.Filter.Q).MaximumLength(50);
    }
}

internal sealed class ListCollectivesHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations
) : IQueryHandler<ListCollectivesQuery, Paged<CollectiveResponse>>
{
    private const string Filter = """
        FROM collectives c
        WHERE c.org_path >= @from AND c.org_path < @to
          AND (@kind IS NULL OR c.kind = @kind)
          AND (@pattern IS NULL OR c.name LIKE @pattern ESCAPE '\' OR c.credit_code LIKE @pattern ESCAPE '\')
        """;

    private const string CountSql = "SELECT COUNT(*) " + Filter;

    private const string PageSql = "SELECT " + CollectiveViews.Columns + "\n" + Filter + "\nORDER BY {orderBy}\n{page}";

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["name"] = "c.name {collate-zh}",
        ["creditCode"] = "c.credit_code",
        ["landTransferredMu"] = "c.land_transferred_centimu",
        ["establishedOn"] = "c.established_on",
        ["members"] = "members",
    };

    public async ValueTask<Paged<CollectiveResponse>> Handle(
        ListCollectivesQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var (from, to) = (scope.From, scope.To);
        if (query.Filter.OrganizationId is { } orgId)
        {
            var subtree =
                await organizations.SubtreeWithinAsync(orgId, scope, cancellationToken)
                ?? throw DividendsErrors.OrganizationNotFound();
            (from, to) = (subtree.PathFrom, subtree.PathTo);
        }
        var page = await db.QueryPageAsync<CollectiveRow>(
            CountSql,
            PageSql,
            new
            {
                from,
                to,
                kind = query.Filter.Kind?.ToString(),
                pattern = LikePattern.Contains(query.Filter.Q),
            },
            query.Page,
            SortOrder.Parse(query.Sort, SortColumns, "name", "c.id"),
            cancellationToken
        );
        var items = await CollectiveViews.RespondAsync(page.Items, organizations, cancellationToken);
        return new Paged<CollectiveResponse>(items, page.Total, page.Page, page.PageSize);
    }
}
