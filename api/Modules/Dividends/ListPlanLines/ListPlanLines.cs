using System.Globalization;
using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.ListPlanLines;

/// A saved plan's payout lines (any version, a superseded one too), each with the arithmetic that explains it:
/// units × rate = the exact share, rounded down, plus the 分 it received from the largest-remainder round.
internal sealed record ListPlanLinesQuery(Guid PlanId, int? PartNo, string? Q, PageRequest Page, string? Sort)
    : IQuery<Paged<PlanLineItem>>;

internal sealed record PlanLineItem
{
    public int LineNo { get; init; }
    public int PartNo { get; init; }
    public string PartLabel { get; init; } = "";
    public PayoutMethod Method { get; init; }
    public Guid PayeeId { get; init; }
    public PayeeUnit PayeeUnit { get; init; }
    public Guid HouseholdId { get; init; }
    public string Name { get; init; } = "";
    public string? IdNumberMasked { get; init; }
    public string Units { get; init; } = "";

    /// <summary>Yuan per unit, to at most eight places.</summary>
    public string Rate { get; init; } = "";

    /// <summary>The exact share in yuan, to at most eight places.</summary>
    public string Exact { get; init; } = "";
    public Money Base { get; init; }
    public Money Remainder { get; init; }
    public Money Amount { get; init; }

    /// <summary>The line's arithmetic in words, in the request's language.</summary>
    public string Explanation { get; init; } = "";
}

internal sealed class ListPlanLinesValidator : AbstractValidator<ListPlanLinesQuery>
{
    public ListPlanLinesValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.PartNo).InclusiveBetween(0, 4);
        RuleFor(q => q.Q).MaximumLength(50);
    }
}

internal sealed class ListPlanLinesHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<ListPlanLinesQuery, Paged<PlanLineItem>>
{
    private const string Filter = """
        FROM dividend_plan_lines l JOIN dividend_plan_parts pp ON pp.plan_id = l.plan_id AND pp.part_no = l.part_no
        WHERE l.plan_id = @planId AND (@partNo IS NULL OR l.part_no = @partNo)
          AND (@q IS NULL OR l.name LIKE @q ESCAPE '\')
        """;

    private const string CountSql = "SELECT COUNT(*) " + Filter;

    private const string PageSql =
        """
            SELECT l.line_no, l.part_no, pp.label AS part_label, pp.method, l.payee_id, l.payee_unit, l.household_id,
                l.name, l.id_number_masked, l.units, l.rate AS rate_fen, l.exact AS exact_fen, l.base_fen,
                l.remainder_fen, l.amount_fen
            """
        + "\n"
        + Filter
        + "\nORDER BY {orderBy}\n{page}";

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["lineNo"] = "l.line_no",
        ["name"] = "l.name {collate-zh}",
        ["amount"] = "l.amount_fen",
        ["remainder"] = "l.remainder_fen",
    };

    public async ValueTask<Paged<PlanLineItem>> Handle(ListPlanLinesQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var plan = await PlanRecords.FindAsync(db, scope, query.PlanId, cancellationToken);
        var order = SortOrder.Parse(query.Sort, SortColumns, "lineNo", "l.line_no");
        var page = await db.QueryPageAsync<LineRow>(
            CountSql,
            PageSql,
            new
            {
                planId = plan.Id,
                partNo = query.PartNo,
                q = LikePattern.Contains(query.Q),
            },
            query.Page,
            order,
            cancellationToken
        );
        return page.Map(r => r.Item());
    }

    private sealed record LineRow
    {
        public int LineNo { get; init; }
        public int PartNo { get; init; }
        public string PartLabel { get; init; } = "";
        public PayoutMethod Method { get; init; }
        public Guid PayeeId { get; init; }
        public PayeeUnit PayeeUnit { get; init; }
        public Guid HouseholdId { get; init; }
        public string Name { get; init; } = "";
        public string? IdNumberMasked { get; init; }
        public string Units { get; init; } = "";
        public string RateFen { get; init; } = "";
        public string ExactFen { get; init; } = "";
        public long BaseFen { get; init; }
        public long RemainderFen { get; init; }
        public long AmountFen { get; init; }

        public PlanLineItem Item()
        {
            var rate = Yuan(RateFen);
            var exact = Yuan(ExactFen);
            var unitZh = Method switch
            {
                PayoutMethod.ByShares => "加权股",
                PayoutMethod.PerShare => "股",
                PayoutMethod.PerHousehold => "户",
                _ => "人",
            };
            var unitEn = Method switch
            {
                PayoutMethod.ByShares => "weighted shares",
                PayoutMethod.PerShare => "shares",
                PayoutMethod.PerHousehold => "household",
                _ => "person",
            };
            var baseYuan = Money.FromFen(BaseFen);
            var amount = Money.FromFen(AmountFen);
            var remainderZh = RemainderFen > 0 ? $" + 尾差分配 {RemainderFen} 分" : "";
            var remainderEn = RemainderFen > 0 ? $" + {RemainderFen} fen from the remainder" : "";
            return new PlanLineItem
            {
                LineNo = LineNo,
                PartNo = PartNo,
                PartLabel = PartLabel,
                Method = Method,
                PayeeId = PayeeId,
                PayeeUnit = PayeeUnit,
                HouseholdId = HouseholdId,
                Name = Name,
                IdNumberMasked = IdNumberMasked,
                Units = Units,
                Rate = rate,
                Exact = exact,
                Base = baseYuan,
                Remainder = Money.FromFen(RemainderFen),
                Amount = amount,
                Explanation = Localized.Text(
                    $"{Units} {unitZh} × {rate} 元 = {exact} 元，取整 {Text(baseYuan)} 元{remainderZh}，"
                        + $"实发 {Text(amount)} 元",
                    $"{Units} {unitEn} × {rate} yuan = {exact} yuan, rounded down to {Text(baseYuan)} yuan"
                        + $"{remainderEn}: {Text(amount)} yuan paid"
                ),
            };
        }

        private static string Yuan(string fen) =>
            (decimal.Parse(fen, CultureInfo.InvariantCulture) / 100m).ToString(
                "0.########",
                CultureInfo.InvariantCulture
            );

        private static string Text(Money money) => (money.Fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);
    }
}
