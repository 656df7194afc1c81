using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Assistance.GetFundStatement;

/// <summary>
/// A fund's yearly statement for publication to members (党费使用公开): the balance at the start of the year, money
/// in by source, money out by payment kind and aid category, allocations down, reversals, adjustments, the balance
/// at the end of the year (Σ of the ledger up to then), and each payment with the payee's name masked.
/// </summary>
internal sealed record GetFundStatementQuery(Guid Id, int? Year) : IQuery<FundStatement>;

internal sealed record StatementIn(FundSource Source, long Count, Money Amount);

/// <summary>Payments of one kind (and, for aid, one category).</summary>
internal sealed record StatementOut(PaymentKind Kind, AssistanceCategory? Category, long Count, Money Amount);

/// <summary>A count of entries and their signed sum.</summary>
internal sealed record StatementTally(long Count, Money Amount);

/// <summary>One payment as published: the payee's name masked, no ID number, no phone.</summary>
internal sealed record StatementPayment(
    DateOnly PaidOn,
    string Name,
    PaymentKind Kind,
    AssistanceCategory? Category,
    Money Amount,
    bool Reversed
);

internal sealed record FundStatement
{
    public Guid FundId { get; init; }
    public string FundName { get; init; } = "";
    public Guid OrganizationId { get; init; }
    public string OrganizationName { get; init; } = "";
    public int Year { get; init; }
    public DateOnly From { get; init; }
    public DateOnly To { get; init; }
    public Money OpeningBalance { get; init; }
    public IReadOnlyList<StatementIn> MoneyIn { get; init; } = [];
    public Money TotalIn { get; init; }
    public IReadOnlyList<StatementOut> MoneyOut { get; init; } = [];

    /// <summary>What was paid out to people in the year, a positive figure.</summary>
    public Money TotalOut { get; init; }

    /// <summary>Allocated down to funds below, a positive figure.</summary>
    public StatementTally AllocatedDown { get; init; } = new(0, Money.Zero);

    /// <summary>Reversals posted in the year, signed as posted (a reversed payment is money back in).</summary>
    public StatementTally Reversals { get; init; } = new(0, Money.Zero);

    public StatementTally Adjustments { get; init; } = new(0, Money.Zero);
    public Money ClosingBalance { get; init; }
    public long PeopleHelped { get; init; }
    public IReadOnlyList<StatementPayment> Payments { get; init; } = [];
}

internal sealed class GetFundStatementValidator : AbstractValidator<GetFundStatementQuery>
{
    public GetFundStatementValidator() => RuleFor(q => q.Year).InclusiveBetween(2000, 2199).Field("year");
}

internal sealed class GetFundStatementHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    TimeProvider clock
) : IQueryHandler<GetFundStatementQuery, FundStatement>
{
    private const string OpeningSql =
        "SELECT COALESCE(SUM(amount), 0) FROM assistance_ledger_entries "
        + "WHERE fund_id = @fundId AND occurred_on < @from";

    private const string Period = "e.fund_id = @fundId AND e.occurred_on >= @from AND e.occurred_on < @to";

    private const string KindsSql =
        "SELECT e.kind, COUNT(*) AS count, SUM(e.amount) AS fen FROM assistance_ledger_entries e WHERE "
        + Period
        + " GROUP BY e.kind";

    private const string InSql =
        "SELECT e.source AS name, COUNT(*) AS count, SUM(e.amount) AS fen FROM assistance_ledger_entries e WHERE "
        + Period
        + " AND e.kind IN ('Income', 'AllocationIn') GROUP BY e.source";

    private const string OutSql =
        "SELECT e.payment_kind AS kind, pa.category, COUNT(*) AS count, SUM(-e.amount) AS fen "
        + "FROM assistance_ledger_entries e LEFT JOIN assistance_applications pa ON pa.id = e.subject_id WHERE "
        + Period
        + " AND e.kind = 'Disbursement' GROUP BY e.payment_kind, pa.category";

    private const string PaymentsSql =
        "SELECT e.occurred_on AS paid_on, "
        + Publication.PayeeName
        + " AS name, e.payee_member_id, e.payment_kind AS kind, pa.category, -e.amount AS fen, "
        + "(SELECT COUNT(*) FROM assistance_ledger_entries r WHERE r.reverses_entry_id = e.id) AS reversals "
        + "FROM assistance_ledger_entries e "
        + Publication.PayeeJoins
        + " WHERE "
        + Period
        + " AND e.kind = 'Disbursement' ORDER BY e.occurred_on, e.created_at, e.id";

    public async ValueTask<FundStatement> Handle(GetFundStatementQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var fund = await Funds.FindAsync(db, scope, query.Id, cancellationToken);
        var year = query.Year ?? clock.Today().Year;
        var p = new
        {
            fundId = fund.Id,
            from = new DateOnly(year, 1, 1),
            to = new DateOnly(year + 1, 1, 1),
        };
        var opening = await db.ExecuteScalarAsync<long>(OpeningSql, p, cancellationToken);
        var kinds = (await db.QueryAsync<KindRow>(KindsSql, p, cancellationToken)).ToDictionary(k => k.Kind);
        StatementTally Tally(LedgerEntryKind kind, int sign = 1) =>
            kinds.TryGetValue(kind, out var k)
                ? new StatementTally(k.Count, Money.FromFen(sign * k.Fen))
                : new StatementTally(0, Money.Zero);
        var moneyIn = (await db.QueryAsync<InRow>(InSql, p, cancellationToken))
            .Where(r => r.Name is not null)
            .Select(r => new StatementIn(Enum.Parse<FundSource>(r.Name!), r.Count, Money.FromFen(r.Fen)))
            .OrderBy(r => r.Source)
            .ToList();
        var moneyOut = (await db.QueryAsync<OutRow>(OutSql, p, cancellationToken))
            .Select(r => new StatementOut(r.Kind ?? PaymentKind.Aid, r.Category, r.Count, Money.FromFen(r.Fen)))
            .OrderBy(r => r.Kind)
            .ThenBy(r => r.Category)
            .ToList();
        var payments = await db.QueryAsync<PaymentRow>(PaymentsSql, p, cancellationToken);
        var income = Tally(LedgerEntryKind.Income).Amount + Tally(LedgerEntryKind.AllocationIn).Amount;
        var paidOut = Tally(LedgerEntryKind.Disbursement, -1).Amount;
        var allocatedDown = Tally(LedgerEntryKind.AllocationOut, -1);
        var reversals = Tally(LedgerEntryKind.Reversal);
        var adjustments = Tally(LedgerEntryKind.Adjustment);
        var names = await organizations.NamesAsync([fund.OrgId], cancellationToken);
        return new FundStatement
        {
            FundId = fund.Id,
            FundName = fund.Name,
            OrganizationId = fund.OrgId,
            OrganizationName = names.GetValueOrDefault(fund.OrgId, ""),
            Year = year,
            From = p.from,
            To = p.to.AddDays(-1),
            OpeningBalance = Money.FromFen(opening),
            MoneyIn = moneyIn,
            TotalIn = income,
            MoneyOut = moneyOut,
            TotalOut = paidOut,
            AllocatedDown = allocatedDown,
            Reversals = reversals,
            Adjustments = adjustments,
            // The parts partition the year's entries by kind, so this is Σ of the ledger up to the year's end.
            ClosingBalance =
                Money.FromFen(opening)
                + income
                - paidOut
                - allocatedDown.Amount
                + reversals.Amount
                + adjustments.Amount,
            PeopleHelped = payments
                .Where(r => r.Reversals == 0 && r.PayeeMemberId is not null)
                .Select(r => r.PayeeMemberId)
                .Distinct()
                .LongCount(),
            Payments = payments
                .Select(r => new StatementPayment(
                    r.PaidOn,
                    PersonalDataMask.Name(r.Name),
                    r.Kind ?? PaymentKind.Aid,
                    r.Category,
                    Money.FromFen(r.Fen),
                    r.Reversals > 0
                ))
                .ToList(),
        };
    }

    private sealed record KindRow
    {
        public LedgerEntryKind Kind { get; init; }
        public long Count { get; init; }
        public long Fen { get; init; }
    }

    private sealed record InRow
    {
        public string? Name { get; init; }
        public long Count { get; init; }
        public long Fen { get; init; }
    }

    private sealed record OutRow
    {
        public PaymentKind? Kind { get; init; }
        public AssistanceCategory? Category { get; init; }
        public long Count { get; init; }
        public long Fen { get; init; }
    }

    private sealed record PaymentRow
    {
        public DateOnly PaidOn { get; init; }
        public string? Name { get; init; }
        public Guid? PayeeMemberId { get; init; }
        public PaymentKind? Kind { get; init; }
        public AssistanceCategory? Category { get; init; }
        public long Fen { get; init; }
        public long Reversals { get; init; }
    }
}
