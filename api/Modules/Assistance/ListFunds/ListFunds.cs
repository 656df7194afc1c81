using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.ListFunds;

/// <summary>The funds within the caller's scope, in tree order.</summary>
internal sealed record ListFundsQuery(PageRequest Page, string? Sort = null) : IQuery<Paged<FundResponse>>;

internal sealed class ListFundsValidator : AbstractValidator<ListFundsQuery>
{
    public ListFundsValidator() => this.AddPagingRules(q => q.Page);
}

internal sealed class ListFundsHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<ListFundsQuery, Paged<FundResponse>>
{
    private const string CountSql = "SELECT COUNT(*) FROM assistance_funds WHERE org_path >= @from AND org_path < @to";

    private const string PageSql =
        "SELECT "
        + Funds.Columns
        + """
             FROM assistance_funds WHERE org_path >= @from AND org_path < @to
            ORDER BY {orderBy}
            {page}
            """;

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["tree"] = "org_path",
        ["name"] = "name {collate-zh}",
        ["balance"] = "balance",
    };

    public async ValueTask<Paged<FundResponse>> Handle(ListFundsQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var order = SortOrder.Parse(query.Sort, SortColumns, "tree", "id");
        var page = await db.QueryPageAsync<FundRow>(
            CountSql,
            PageSql,
            new { from = scope.From, to = scope.To },
            query.Page,
            order,
            cancellationToken
        );
        return page.Map(row => row.ToResponse());
    }
}
