using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.ListIncomeStatements;

/// <summary>A collective's income statements, newest year first, each with its limits under the rules in force.
/// </summary>
internal sealed record ListIncomeStatementsQuery(Guid CollectiveId) : IQuery<IReadOnlyList<IncomeStatementView>>;

internal sealed class ListIncomeStatementsHandler(DbSession db, CurrentScope currentScope, DividendRuleSets ruleSets)
    : IQueryHandler<ListIncomeStatementsQuery, IReadOnlyList<IncomeStatementView>>
{
    private const string ListSql =
        "SELECT "
        + IncomeStatementView.Columns
        + " FROM collective_incomes WHERE collective_id = @collectiveId ORDER BY year DESC";

    public async ValueTask<IReadOnlyList<IncomeStatementView>> Handle(
        ListIncomeStatementsQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var collective = await Collectives.FindAsync(db, scope, query.CollectiveId, cancellationToken);
        var rules = await ruleSets.RulesAsync(collective.OrgId, cancellationToken);
        var rows = await db.QueryAsync<IncomeStatementRow>(
            ListSql,
            new { collectiveId = collective.Id },
            cancellationToken
        );
        return rows.Select(r => r.ToView(collective.Kind, rules)).ToList();
    }
}
