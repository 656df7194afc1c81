using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Dividends.GetDividendStatistics;

/// An organization's subtree in figures: the same counts Organizations' statistics show through the contributor
/// (collectives, branch-led cooperatives, households, members, land, income bands against the region's lines), and
/// the distributions by year (approved current versions): plans, payees, amount, paid out, unpaid and the share paid.
internal sealed record GetDividendStatisticsQuery(Guid? OrganizationId) : IQuery<DividendStatistics>;

internal sealed record DistributionYear
{
    public int Year { get; init; }
    public int Plans { get; init; }
    public long Lines { get; init; }
    public Money Distributed { get; init; }
    public Money PaidOut { get; init; }
    public Money Unpaid { get; init; }

    /// <summary>Paid out as a percentage of the amount distributed, to one decimal place.</summary>
    public decimal PaidOutPercent { get; init; }

    /// <summary>The year's amount by kind of part (dividend, pension, other): how much went to how many payees, as
    /// 三海 reported its 1,085,000 yuan of dividends to 1,550 people and 159,200 yuan of pension to 398.</summary>
    public IReadOnlyList<DistributionPart> Parts { get; init; } = [];
}

internal sealed record DistributionPart(PlanPartKind Kind, long Payees, Money Amount);

internal sealed record DividendStatistics(
    Guid OrganizationId,
    IReadOnlyDictionary<string, long> Counts,
    Money ReportedOperatingIncome,
    Money WeakCollectiveBelow,
    IReadOnlyList<DistributionYear> Years
);

internal sealed class GetDividendStatisticsValidator : AbstractValidator<GetDividendStatisticsQuery>
{
    public GetDividendStatisticsValidator() => RuleFor(q => q.OrganizationId).NotNull();
}

internal sealed class GetDividendStatisticsHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    DividendsOrganizationHooks hooks,
    DividendRuleSets ruleSets
) : IQueryHandler<GetDividendStatisticsQuery, DividendStatistics>
{
    private const string PlansSql = """
        SELECT year, COUNT(*) AS plans, SUM(line_count) AS lines, SUM(total_fen) AS distributed_fen
        FROM dividend_plans WHERE org_path >= @from AND org_path < @to AND stage = 'Approved'
        GROUP BY year
        """;

    private const string PaidSql = """
        SELECT p.year,
            SUM(CASE WHEN d.status = 'Paid' THEN d.amount_fen ELSE 0 END) AS paid_fen,
            SUM(CASE WHEN d.status = 'Unpaid' THEN d.amount_fen ELSE 0 END) AS unpaid_fen
        FROM dividend_payouts d JOIN dividend_plans p ON p.id = d.plan_id
        WHERE d.org_path >= @from AND d.org_path < @to
        GROUP BY p.year
        """;

    // Payees: lines with an amount (a line rounded to 0 分 pays no one).
    private const string PartsSql = """
        SELECT p.year, pp.kind, SUM(CASE WHEN l.amount_fen > 0 THEN 1 ELSE 0 END) AS payees,
            SUM(l.amount_fen) AS amount_fen
        FROM dividend_plan_lines l
        JOIN dividend_plans p ON p.id = l.plan_id
        JOIN dividend_plan_parts pp ON pp.plan_id = l.plan_id AND pp.part_no = l.part_no
        WHERE p.org_path >= @from AND p.org_path < @to AND p.stage = 'Approved'
        GROUP BY p.year, pp.kind
        """;

    public async ValueTask<DividendStatistics> Handle(
        GetDividendStatisticsQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var orgId = query.OrganizationId!.Value;
        var subtree =
            await organizations.SubtreeWithinAsync(orgId, scope, cancellationToken)
            ?? throw DividendsErrors.OrganizationNotFound();
        var counts = await hooks.CountAsync(subtree, cancellationToken);
        var range = new { from = subtree.PathFrom, to = subtree.PathTo };
        var plans = await db.QueryAsync<PlanYear>(PlansSql, range, cancellationToken);
        var paid = (await db.QueryAsync<PaidYear>(PaidSql, range, cancellationToken)).ToDictionary(p => p.Year);
        var parts = (await db.QueryAsync<PartYear>(PartsSql, range, cancellationToken)).ToLookup(p => p.Year);
        var rules = await ruleSets.RulesAsync(subtree.RootId, cancellationToken);
        var years = plans
            .OrderByDescending(p => p.Year)
            .Select(p =>
            {
                var money = paid.GetValueOrDefault(p.Year) ?? new PaidYear();
                return new DistributionYear
                {
                    Year = p.Year,
                    Plans = p.Plans,
                    Lines = p.Lines,
                    Distributed = Money.FromFen(p.DistributedFen),
                    PaidOut = Money.FromFen(money.PaidFen),
                    Unpaid = Money.FromFen(money.UnpaidFen),
                    PaidOutPercent = p.DistributedFen == 0 ? 0 : Math.Round(money.PaidFen * 100m / p.DistributedFen, 1),
                    Parts = parts[p.Year]
                        .Select(part => new DistributionPart(
                            Enum.Parse<PlanPartKind>(part.Kind),
                            part.Payees,
                            Money.FromFen(part.AmountFen)
                        ))
                        .OrderBy(part => part.Kind)
                        .ToList(),
                };
            })
            .ToList();
        return new DividendStatistics(
            orgId,
            counts,
            Money.FromFen(rules.ReportedOperatingIncomeYuan.Value * 100L),
            Money.FromFen(rules.WeakCollectiveBelowYuan.Value * 100L),
            years
        );
    }

    private sealed record PlanYear
    {
        public int Year { get; init; }
        public int Plans { get; init; }
        public long Lines { get; init; }
        public long DistributedFen { get; init; }
    }

    private sealed record PartYear
    {
        public int Year { get; init; }
        public string Kind { get; init; } = "";
        public long Payees { get; init; }
        public long AmountFen { get; init; }
    }

    private sealed record PaidYear
    {
        public int Year { get; init; }
        public long PaidFen { get; init; }
        public long UnpaidFen { get; init; }
    }
}
