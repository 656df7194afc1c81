using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.GetIncomeStatement;

/// <summary>One year's income statement with its limits (its ETag is what a change sends as If-Match).</summary>
internal sealed record GetIncomeStatementQuery(Guid CollectiveId, int Year) : IQuery<IncomeStatementView>;

internal sealed class GetIncomeStatementHandler(DbSession db, CurrentScope currentScope, DividendRuleSets ruleSets)
    : IQueryHandler<GetIncomeStatementQuery, IncomeStatementView>
{
    private const string FindSql =
        "SELECT "
        + IncomeStatementView.Columns
        + " FROM collective_incomes WHERE collective_id = @collectiveId AND year = @year";

    public async ValueTask<IncomeStatementView> Handle(
        GetIncomeStatementQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var collective = await Collectives.FindAsync(db, scope, query.CollectiveId, cancellationToken);
        var row =
            await db.QuerySingleOrDefaultAsync<IncomeStatementRow>(
                FindSql,
                new { collectiveId = collective.Id, year = query.Year },
                cancellationToken
            ) ?? throw new NotFoundException("IncomeStatement");
        var rules = await ruleSets.RulesAsync(collective.OrgId, cancellationToken);
        return row.ToView(collective.Kind, rules);
    }
}
