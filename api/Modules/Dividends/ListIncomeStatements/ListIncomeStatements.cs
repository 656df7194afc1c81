using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.ListIncomeStatements;

internal sealed record IncomeStatementItem(
    Guid Id,
    int Year,
    Money OperatingIncome,
    Money InvestmentIncome,
    Money OtherIncome,
    Money GrantIncome,
    Money LandCompensation,
    Money Costs,
    Money LossesCarried,
    Money Reserve,
    Money MemberDividends,
    Money ByVolumeReturn,
    string? Notes,
    IncomeLimitsResponse Limits,
    long Version
);

/// <summary>A collective's income statements, newest year first, each with its limits under the rules in force.
/// </summary>
internal sealed record ListIncomeStatementsQuery(Guid CollectiveId) : IQuery<IReadOnlyList<IncomeStatementItem>>;

internal sealed class ListIncomeStatementsHandler(DbSession db, CurrentScope currentScope, DividendRuleSets ruleSets)
    : IQueryHandler<ListIncomeStatementsQuery, IReadOnlyList<IncomeStatementItem>>
{
    private const string ListSql = """
        SELECT id, year, operating_income, investment_income, other_income, grant_income, land_compensation, costs,
            losses_carried, reserve, member_dividends, by_volume_return, notes, version
        FROM collective_incomes WHERE collective_id = @collectiveId ORDER BY year DESC
        """;

    public async ValueTask<IReadOnlyList<IncomeStatementItem>> Handle(
        ListIncomeStatementsQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var collective = await Collectives.FindAsync(db, scope, query.CollectiveId, cancellationToken);
        var rules = await ruleSets.RulesAsync(collective.OrgId, cancellationToken);
        var rows = await db.QueryAsync<Row>(ListSql, new { collectiveId = collective.Id }, cancellationToken);
        return rows.Select(r =>
            {
                var figures = new IncomeFigures(
                    r.OperatingIncome,
                    r.InvestmentIncome,
                    r.OtherIncome,
                    r.GrantIncome,
                    r.LandCompensation,
                    r.Costs,
                    r.LossesCarried,
                    r.Reserve,
                    r.MemberDividends,
                    r.ByVolumeReturn
                );
                var limits = IncomeRules.Limits(figures, collective.Kind, rules);
                return new IncomeStatementItem(
                    r.Id,
                    r.Year,
                    r.OperatingIncome,
                    r.InvestmentIncome,
                    r.OtherIncome,
                    r.GrantIncome,
                    r.LandCompensation,
                    r.Costs,
                    r.LossesCarried,
                    r.Reserve,
                    r.MemberDividends,
                    r.ByVolumeReturn,
                    r.Notes,
                    IncomeStatements.Respond(limits, collective.Kind, rules),
                    r.Version
                );
            })
            .ToList();
    }

    private sealed record Row
    {
        public Guid Id { get; init; }
        public int Year { get; init; }
        public Money OperatingIncome { get; init; }
        public Money InvestmentIncome { get; init; }
        public Money OtherIncome { get; init; }
        public Money GrantIncome { get; init; }
        public Money LandCompensation { get; init; }
        public Money Costs { get; init; }
        public Money LossesCarried { get; init; }
        public Money Reserve { get; init; }
        public Money MemberDividends { get; init; }
        public Money ByVolumeReturn { get; init; }
        public string? Notes { get; init; }
        public long Version { get; init; }
    }
}
