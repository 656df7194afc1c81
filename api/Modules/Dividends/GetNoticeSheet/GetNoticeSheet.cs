using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.GetNoticeSheet;

/// The 公示 sheet's data: one row per payee with the amount of each part and the total, names and masked ID
/// numbers only, under the plan's title, notice dates and the check code a villager types on the public page.
internal sealed record GetNoticeSheetQuery(Guid PlanId) : IQuery<NoticeSheet>;

internal sealed record NoticeSheetPart(int PartNo, string Label);

internal sealed record NoticeSheetRow(
    int No,
    string? HouseholdNumber,
    string Name,
    string? IdNumberMasked,
    IReadOnlyList<Money> Amounts,
    Money Total
);

internal sealed record NoticeSheet(
    Guid PlanId,
    string CollectiveName,
    int Year,
    string Title,
    int VersionNo,
    PlanStage Stage,
    DateOnly? NoticeStartsOn,
    DateOnly? NoticeEndsOn,
    string? CheckCode,
    string CheckPath,
    IReadOnlyList<NoticeSheetPart> Parts,
    IReadOnlyList<NoticeSheetRow> Rows,
    Money Total
);

internal sealed class GetNoticeSheetHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<GetNoticeSheetQuery, NoticeSheet>
{
    private const string PartsSql =
        "SELECT part_no, label FROM dividend_plan_parts WHERE plan_id = @id ORDER BY part_no";

    private const string LinesSql = """
        SELECT l.payee_id, l.part_no, l.name, l.id_number_masked, h.number AS household_number, l.amount_fen
        FROM dividend_plan_lines l LEFT JOIN collective_households h ON h.id = l.household_id
        WHERE l.plan_id = @id
        ORDER BY l.line_no
        """;

    public async ValueTask<NoticeSheet> Handle(GetNoticeSheetQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var plan = await PlanRecords.FindAsync(db, scope, query.PlanId, cancellationToken);
        var parts = (await db.QueryAsync<PartRow>(PartsSql, new { id = plan.Id }, cancellationToken))
            .Select(p => new NoticeSheetPart(p.PartNo, p.Label))
            .ToList();
        var lines = await db.QueryAsync<LineRow>(LinesSql, new { id = plan.Id }, cancellationToken);
        var no = 0;
        var rows = lines
            .GroupBy(l => l.PayeeId)
            .OrderBy(g => g.Min(l => l.HouseholdNumber), StringComparer.Ordinal)
            .ThenBy(g => g.Key)
            .Select(g =>
            {
                var first = g.First();
                var amounts = parts
                    .Select(p => Money.FromFen(g.Where(l => l.PartNo == p.PartNo).Sum(l => l.AmountFen)))
                    .ToList();
                return new NoticeSheetRow(
                    ++no,
                    first.HouseholdNumber,
                    first.Name,
                    first.IdNumberMasked,
                    amounts,
                    Money.FromFen(g.Sum(l => l.AmountFen))
                );
            })
            .ToList();
        return new NoticeSheet(
            plan.Id,
            plan.CollectiveName,
            plan.Year,
            plan.Title,
            plan.VersionNo,
            plan.Stage,
            plan.NoticeStartsOn,
            plan.NoticeEndsOn,
            plan.CheckCode,
            plan.CheckCode is null ? "" : "/api/v1/public/dividends/notices/" + plan.CheckCode,
            parts,
            rows,
            Money.FromFen(plan.TotalFen)
        );
    }

    private sealed record PartRow
    {
        public int PartNo { get; init; }
        public string Label { get; init; } = "";
    }

    private sealed record LineRow
    {
        public Guid PayeeId { get; init; }
        public int PartNo { get; init; }
        public string Name { get; init; } = "";
        public string? IdNumberMasked { get; init; }
        public string? HouseholdNumber { get; init; }
        public long AmountFen { get; init; }
    }
}
