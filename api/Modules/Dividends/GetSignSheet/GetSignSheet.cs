using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.GetSignSheet;

/// The 签领表's data: one row per payee of a plan's payouts (a failed transfer replaced by its re-issue, reversals
/// left out), with the amount to sign for, the entries it covers and whether they are paid already. The payee signs
/// and presses a fingerprint beside their row; each entry is then confirmed with the sheet as reference.
internal sealed record GetSignSheetQuery(Guid PlanId) : IQuery<SignSheet>;

internal sealed record SignSheetRow(
    int No,
    string? HouseholdNumber,
    string Name,
    string? IdNumberMasked,
    Money Amount,
    bool Paid,
    IReadOnlyList<Guid> PayoutIds
);

internal sealed record SignSheet(
    Guid PlanId,
    string CollectiveName,
    int Year,
    string Title,
    IReadOnlyList<SignSheetRow> Rows,
    Money Total
);

internal sealed class GetSignSheetHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<GetSignSheetQuery, SignSheet>
{
    private const string EntriesSql = """
        SELECT d.id, d.payee_id, d.name, l.id_number_masked, h.number AS household_number, d.amount_fen, d.status
        FROM dividend_payouts d
        JOIN dividend_plan_lines l ON l.plan_id = d.plan_id AND l.line_no = d.line_no
        LEFT JOIN collective_households h ON h.id = d.household_id
        WHERE d.plan_id = @id AND d.kind <> 'Reversal' AND d.status <> 'Failed'
          AND d.org_path >= @from AND d.org_path < @to
        ORDER BY d.line_no, d.created_at, d.id
        """;

    public async ValueTask<SignSheet> Handle(GetSignSheetQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var plan = await PlanRecords.FindAsync(db, scope, query.PlanId, cancellationToken);
        var entries = await db.QueryAsync<EntryRow>(
            EntriesSql,
            new
            {
                id = plan.Id,
                from = scope.From,
                to = scope.To,
            },
            cancellationToken
        );
        var no = 0;
        var rows = entries
            .GroupBy(e => e.PayeeId)
            .OrderBy(g => g.Min(e => e.HouseholdNumber), StringComparer.Ordinal)
            .ThenBy(g => g.Key)
            .Select(g => new SignSheetRow(
                ++no,
                g.First().HouseholdNumber,
                g.First().Name,
                g.First().IdNumberMasked,
                Money.FromFen(g.Sum(e => e.AmountFen)),
                g.All(e => e.Status == nameof(PayoutStatus.Paid)),
                g.Select(e => e.Id).ToList()
            ))
            .ToList();
        return new SignSheet(
            plan.Id,
            plan.CollectiveName,
            plan.Year,
            plan.Title,
            rows,
            Money.FromFen(rows.Sum(r => r.Amount.Fen))
        );
    }

    private sealed record EntryRow
    {
        public Guid Id { get; init; }
        public Guid PayeeId { get; init; }
        public string Name { get; init; } = "";
        public string? IdNumberMasked { get; init; }
        public string? HouseholdNumber { get; init; }
        public long AmountFen { get; init; }
        public string Status { get; init; } = "";
    }
}
