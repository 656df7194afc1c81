using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.ListGradings;

/// <summary>An organization's grading history, newest year first unless sorted by year, level or score.</summary>
internal sealed record ListGradingsQuery(Guid OrganizationId, PageRequest Page, string? Sort = null)
    : IQuery<Paged<GradingResponse>>;

internal sealed class ListGradingsValidator : AbstractValidator<ListGradingsQuery>
{
    public ListGradingsValidator() => this.AddPagingRules(q => q.Page);
}

internal sealed class ListGradingsHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<ListGradingsQuery, Paged<GradingResponse>>
{
    private const string CountSql = "SELECT COUNT(*) FROM gradings WHERE org_id = @orgId";

    private const string PageSql = """
        SELECT id, org_id, year, level, level_rank, is_lagging, score, comment, graded_on, version
        FROM gradings WHERE org_id = @orgId
        ORDER BY {orderBy}
        {page}
        """;

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["year"] = "year",
        ["level"] = "level_rank",
        ["score"] = "score",
    };

    public async ValueTask<Paged<GradingResponse>> Handle(ListGradingsQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var organization = await OrganizationTree.FindAsync(db, scope, query.OrganizationId, cancellationToken);
        var rules = await RegionRules.ForRegionAsync(db, organization.RegionRootId, cancellationToken);
        var order = SortOrder.Parse(query.Sort, SortColumns, "-year", "id");
        var page = await db.QueryPageAsync<GradingRow>(
            CountSql,
            PageSql,
            new { orgId = organization.Id },
            query.Page,
            order,
            cancellationToken
        );
        return page.Map(row => row.ToResponse(rules));
    }
}
