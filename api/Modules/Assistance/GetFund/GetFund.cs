using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.GetFund;

/// <summary>Money in per source (kept apart) and out per kind, over the fund's whole ledger.</summary>
internal sealed record FundTotal(string Kind, string? Source, Money Amount);

internal sealed record FundDetailsResponse(FundResponse Fund, Money LedgerSum, IReadOnlyList<FundTotal> Totals);

/// <summary>A fund with its balance, holds, and totals per source and kind.</summary>
internal sealed record GetFundQuery(Guid Id) : IQuery<FundDetailsResponse>;

internal sealed class GetFundHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<GetFundQuery, FundDetailsResponse>
{
    private const string TotalsSql = """
        SELECT kind, source, SUM(amount) AS amount FROM assistance_ledger_entries
        WHERE fund_id = @id GROUP BY kind, source ORDER BY kind, source
        """;

    public async ValueTask<FundDetailsResponse> Handle(GetFundQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var fund = await Funds.FindAsync(db, scope, query.Id, cancellationToken);
        var totals = await db.QueryAsync<TotalRow>(TotalsSql, new { id = fund.Id }, cancellationToken);
        return new(
            fund.ToResponse(),
            Money.FromFen(totals.Sum(t => t.Amount)),
            totals.Select(t => new FundTotal(t.Kind, t.Source, Money.FromFen(t.Amount))).ToList()
        );
    }

    private sealed record TotalRow
    {
        public string Kind { get; init; } = "";
        public string? Source { get; init; }
        public long Amount { get; init; }
    }
}
