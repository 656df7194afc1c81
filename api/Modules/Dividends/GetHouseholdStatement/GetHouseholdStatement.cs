using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.GetHouseholdStatement;

/// A household's statement over the years: every payout ledger entry of its members (or of the household) in the
/// plans that reached payouts, by year, with what was paid, what is still unpaid and what failed. Reversals count
/// against what was paid; a failed transfer's re-issue is its own entry.
internal sealed record GetHouseholdStatementQuery(Guid HouseholdId, int? FromYear, int? ToYear)
    : IQuery<HouseholdStatement>;

internal sealed record StatementEntry
{
    public Guid PayoutId { get; init; }
    public Guid PlanId { get; init; }
    public int Year { get; init; }
    public string PlanTitle { get; init; } = "";
    public int VersionNo { get; init; }
    public string PartLabel { get; init; } = "";
    public string Name { get; init; } = "";
    public PayoutKind Kind { get; init; }
    public Money Amount { get; init; }
    public PayoutStatus Status { get; init; }
    public ConfirmationMethod? Method { get; init; }
    public DateOnly? PaidOn { get; init; }
    public string? Reference { get; init; }
}

internal sealed record StatementYear(
    int Year,
    Money Paid,
    Money Unpaid,
    Money Failed,
    IReadOnlyList<StatementEntry> Entries
);

internal sealed record HouseholdStatement(
    Guid HouseholdId,
    string Number,
    string? HeadName,
    Guid CollectiveId,
    string CollectiveName,
    Money Paid,
    Money Unpaid,
    IReadOnlyList<StatementYear> Years
);

internal sealed class GetHouseholdStatementValidator : AbstractValidator<GetHouseholdStatementQuery>
{
    public GetHouseholdStatementValidator()
    {
        RuleFor(q => q.FromYear).InclusiveBetween(2000, 2100);
        RuleFor(q => q.ToYear).InclusiveBetween(2000, 2100).GreaterThanOrEqualTo(q => q.FromYear ?? 2000);
    }
}

internal sealed class GetHouseholdStatementHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<GetHouseholdStatementQuery, HouseholdStatement>
{
    private const string HouseholdSql = """
        SELECT h.id, h.number, hm.name AS head_name, c.id AS collective_id, c.name AS collective_name
        FROM collective_households h JOIN collectives c ON c.id = h.collective_id
        LEFT JOIN collective_members hm ON hm.id = h.head_member_id
        WHERE h.id = @id AND h.org_path >= @from AND h.org_path < @to
        """;

    private const string EntriesSql = """
        SELECT d.id AS payout_id, d.plan_id, p.year, p.title AS plan_title, p.version_no, pp.label AS part_label,
            d.name, d.kind, d.amount_fen AS amount, d.status, d.method, d.paid_on, d.reference
        FROM dividend_payouts d
        JOIN dividend_plans p ON p.id = d.plan_id
        JOIN dividend_plan_lines l ON l.plan_id = d.plan_id AND l.line_no = d.line_no
        JOIN dividend_plan_parts pp ON pp.plan_id = l.plan_id AND pp.part_no = l.part_no
        WHERE d.household_id = @id AND d.org_path >= @from AND d.org_path < @to
          AND (@fromYear IS NULL OR p.year >= @fromYear) AND (@toYear IS NULL OR p.year <= @toYear)
        ORDER BY p.year DESC, d.plan_id, d.line_no, d.created_at, d.id
        """;

    public async ValueTask<HouseholdStatement> Handle(
        GetHouseholdStatementQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var parameters = new
        {
            id = query.HouseholdId,
            from = scope.From,
            to = scope.To,
            fromYear = query.FromYear,
            toYear = query.ToYear,
        };
        var household =
            await db.QuerySingleOrDefaultAsync<HouseholdRow>(HouseholdSql, parameters, cancellationToken)
            ?? throw new NotFoundException("Household");
        var entries = await db.QueryAsync<StatementEntry>(EntriesSql, parameters, cancellationToken);
        var years = entries
            .GroupBy(e => e.Year)
            .Select(g => new StatementYear(
                g.Key,
                Sum(g, PayoutStatus.Paid),
                Sum(g, PayoutStatus.Unpaid),
                Sum(g, PayoutStatus.Failed),
                g.ToList()
            ))
            .ToList();
        return new HouseholdStatement(
            household.Id,
            household.Number,
            household.HeadName,
            household.CollectiveId,
            household.CollectiveName,
            Sum(entries, PayoutStatus.Paid),
            Sum(entries, PayoutStatus.Unpaid),
            years
        );
    }

    private static Money Sum(IEnumerable<StatementEntry> entries, PayoutStatus status) =>
        Money.FromFen(entries.Where(e => e.Status == status).Sum(e => e.Amount.Fen));

    private sealed record HouseholdRow
    {
        public Guid Id { get; init; }
        public string Number { get; init; } = "";
        public string? HeadName { get; init; }
        public Guid CollectiveId { get; init; }
        public string CollectiveName { get; init; } = "";
    }
}
