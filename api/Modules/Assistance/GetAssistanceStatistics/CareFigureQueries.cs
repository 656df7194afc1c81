using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Assistance.Domain;

namespace Jiceng.Modules.Assistance.GetAssistanceStatistics;

/// <summary>
/// The SQL of the statistics over one subtree (org paths [pathFrom, pathTo)) and one period [from, to). Money is
/// counted on the funds of the subtree; an allocation between two funds of the subtree moves money inside it and is
/// neither money in nor out; a reversed income is taken off its source. Aid by category and tier counts the paid
/// applications of the subtree.
/// </summary>
internal sealed class CareFigureQueries(DbSession db, string pathFrom, string pathTo)
{
    private const string Funds = "SELECT id FROM assistance_funds WHERE org_path >= @pathFrom AND org_path < @pathTo";

    private const string InSql =
        """
            SELECT source AS name, SUM(CASE WHEN kind = 'Reversal' THEN -1 ELSE 1 END) AS count, SUM(amount) AS fen
            FROM assistance_ledger_entries
            WHERE fund_id IN (
            """
        + Funds
        + """
            ) AND occurred_on >= @from AND occurred_on < @to
              AND (kind = 'Income'
                OR (kind = 'Reversal' AND payee_member_id IS NULL AND reverses_entry_id IN (
                    SELECT id FROM assistance_ledger_entries WHERE kind = 'Income'))
                OR (kind = 'AllocationIn' AND (counter_fund_id IS NULL OR counter_fund_id NOT IN (
            """
        + Funds
        + """
            ))))
            GROUP BY source
            """;

    // A payment and its reversal carry the payee and the payment kind; money out is their sum, turned positive.
    private const string PaymentsWhere =
        """
            fund_id IN (
            """
        + Funds
        + """
            ) AND occurred_on >= @from AND occurred_on < @to AND payee_member_id IS NOT NULL
              AND kind IN ('Disbursement', 'Reversal')
            """;

    private const string OutSql =
        "SELECT payment_kind AS name, SUM(CASE WHEN kind = 'Disbursement' THEN 1 ELSE -1 END) AS count, "
        + "SUM(-amount) AS fen FROM assistance_ledger_entries WHERE "
        + PaymentsWhere
        + " GROUP BY payment_kind";

    private const string PeopleSql =
        "SELECT COUNT(*) FROM (SELECT payee_member_id FROM assistance_ledger_entries WHERE "
        + PaymentsWhere
        + " GROUP BY payee_member_id HAVING SUM(-amount) > 0) helped";

    private const string AidWhere = """
        FROM assistance_applications a
        WHERE a.org_path >= @pathFrom AND a.org_path < @pathTo AND a.status IN ('Paid', 'Confirmed')
          AND a.paid_on >= @from AND a.paid_on < @to
          AND NOT EXISTS (SELECT 1 FROM assistance_ledger_entries r WHERE r.reverses_entry_id = a.entry_id)
        """;

    private const string AidByCategorySql =
        "SELECT a.category AS name, COUNT(*) AS count, SUM(a.amount) AS fen " + AidWhere + " GROUP BY a.category";

    private const string AidByTierSql =
        "SELECT a.tier AS name, COUNT(*) AS count, SUM(a.amount) AS fen " + AidWhere + " GROUP BY a.tier";

    private const string VisitsSql = """
        SELECT COUNT(*) FROM assistance_visits
        WHERE org_path >= @pathFrom AND org_path < @pathTo AND status = 'Visited'
          AND visited_on >= @from AND visited_on < @to
        """;

    private const string PairsSql = """
        SELECT COUNT(*) FROM assistance_pairings
        WHERE org_path >= @pathFrom AND org_path < @pathTo AND started_on < @to
          AND (ended_on IS NULL OR ended_on >= @from)
        """;

    private const string LogsSql = """
        SELECT COUNT(*) FROM assistance_help_logs
        WHERE org_path >= @pathFrom AND org_path < @pathTo AND helped_on >= @from AND helped_on < @to
        """;

    private const string SpanSql =
        """
            SELECT MIN(occurred_on) AS first_on, MAX(occurred_on) AS last_on FROM assistance_ledger_entries
            WHERE fund_id IN (
            """
        + Funds
        + ")";

    private const string VisitSpanSql = """
        SELECT MIN(visited_on) AS first_on, MAX(visited_on) AS last_on FROM assistance_visits
        WHERE org_path >= @pathFrom AND org_path < @pathTo AND status = 'Visited'
        """;

    private const string LogSpanSql = """
        SELECT MIN(helped_on) AS first_on, MAX(helped_on) AS last_on FROM assistance_help_logs
        WHERE org_path >= @pathFrom AND org_path < @pathTo
        """;

    /// <summary>The first and last year with any money moved, visit recorded or help logged; null when none.</summary>
    public async Task<(int First, int Last)?> ActiveYearsAsync(CancellationToken cancellationToken)
    {
        var range = new { pathFrom, pathTo };
        var spans = new List<Span>();
        foreach (var sql in new[] { SpanSql, VisitSpanSql, LogSpanSql })
        {
            spans.Add(await db.QuerySingleOrDefaultAsync<Span>(sql, range, cancellationToken) ?? new Span());
        }
        var firsts = spans.Where(s => s.FirstOn is not null).Select(s => s.FirstOn!.Value.Year).ToList();
        var lasts = spans.Where(s => s.LastOn is not null).Select(s => s.LastOn!.Value.Year).ToList();
        return firsts.Count == 0 ? null : (firsts.Min(), lasts.Max());
    }

    public async Task<CareFigures> FiguresAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var p = new
        {
            pathFrom,
            pathTo,
            from,
            to,
        };
        var income = (await db.QueryAsync<Group>(InSql, p, cancellationToken)).Where(g => g.Name is not null);
        var paid = (await db.QueryAsync<Group>(OutSql, p, cancellationToken)).Where(g => g.Name is not null).ToList();
        var people = await db.ExecuteScalarAsync<long>(PeopleSql, p, cancellationToken);
        var byCategory = await db.QueryAsync<Group>(AidByCategorySql, p, cancellationToken);
        var byTier = await db.QueryAsync<Group>(AidByTierSql, p, cancellationToken);
        var moneyOut = paid.Sum(g => g.Fen);
        var payments = paid.Sum(g => g.Count);
        var sources = income
            .Select(g => new SourceFigure(Enum.Parse<FundSource>(g.Name!), g.Count, Money.FromFen(g.Fen)))
            .OrderBy(g => g.Source)
            .ToList();
        return new CareFigures
        {
            MoneyIn = Money.FromFen(sources.Sum(s => s.Amount.Fen)),
            InBySource = sources,
            MoneyOut = Money.FromFen(moneyOut),
            OutByKind = paid.Select(g => new PaymentKindFigure(
                    Enum.Parse<PaymentKind>(g.Name!),
                    g.Count,
                    Money.FromFen(g.Fen)
                ))
                .OrderBy(g => g.Kind)
                .ToList(),
            AidByCategory = byCategory
                .Select(g => new CategoryFigure(Enum.Parse<AssistanceCategory>(g.Name!), g.Count, Money.FromFen(g.Fen)))
                .OrderBy(g => g.Category)
                .ToList(),
            AidByTier = byTier
                .Select(g => new TierFigure(Enum.Parse<ApprovalTier>(g.Name!), g.Count, Money.FromFen(g.Fen)))
                .OrderBy(g => g.Tier)
                .ToList(),
            Payments = payments,
            PeopleHelped = people,
            AveragePerPerson = Average(moneyOut, people),
            AveragePerPayment = Average(moneyOut, payments),
            Visits = await db.ExecuteScalarAsync<long>(VisitsSql, p, cancellationToken),
            PairsActive = await db.ExecuteScalarAsync<long>(PairsSql, p, cancellationToken),
            HelpLogs = await db.ExecuteScalarAsync<long>(LogsSql, p, cancellationToken),
        };
    }

    /// <summary>To the fen, rounded half away from zero.</summary>
    private static Money Average(long fen, long count) =>
        count <= 0 ? Money.Zero : Money.FromFen((long)Math.Round((decimal)fen / count, MidpointRounding.AwayFromZero));

    private sealed record Group
    {
        public string? Name { get; init; }
        public long Count { get; init; }
        public long Fen { get; init; }
    }

    private sealed record Span
    {
        public DateOnly? FirstOn { get; init; }
        public DateOnly? LastOn { get; init; }
    }
}
