using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.CheckPlanNotice;

/// What a villager holding a printed 公示 sheet can check without signing in: that the code belongs to a real plan,
/// and its collective, year, notice days, totals and stage. No names or ID numbers: the sheet on the wall has those.
internal sealed record CheckPlanNoticeQuery(string Code) : IQuery<PlanNoticeCheck>;

internal sealed record PlanNoticeCheck(
    string CollectiveName,
    int Year,
    string Title,
    int VersionNo,
    PlanStage Stage,
    DateOnly? NoticeStartsOn,
    DateOnly? NoticeEndsOn,
    Money Total,
    int LineCount,
    bool CurrentVersion
);

internal sealed class CheckPlanNoticeHandler(DbSession db) : IQueryHandler<CheckPlanNoticeQuery, PlanNoticeCheck>
{
    private const string FindSql = """
        SELECT c.name AS collective_name, p.year, p.title, p.version_no, p.stage, p.notice_starts_on,
            p.notice_ends_on, p.total_fen AS total, p.line_count,
            CASE WHEN p.stage = 'Superseded' THEN 0 ELSE 1 END AS current_version
        FROM dividend_plans p JOIN collectives c ON c.id = p.collective_id
        WHERE p.check_code = @code
        """;

    public async ValueTask<PlanNoticeCheck> Handle(CheckPlanNoticeQuery query, CancellationToken cancellationToken)
    {
        var code = query.Code.Trim().ToUpperInvariant();
        if (code.Length != 10)
        {
            throw new NotFoundException("Notice");
        }
        var row =
            await db.QuerySingleOrDefaultAsync<CheckRow>(FindSql, new { code }, cancellationToken)
            ?? throw new NotFoundException("Notice");
        return new PlanNoticeCheck(
            row.CollectiveName,
            row.Year,
            row.Title,
            row.VersionNo,
            row.Stage,
            row.NoticeStartsOn,
            row.NoticeEndsOn,
            row.Total,
            row.LineCount,
            row.CurrentVersion == 1
        );
    }

    private sealed record CheckRow
    {
        public string CollectiveName { get; init; } = "";
        public int Year { get; init; }
        public string Title { get; init; } = "";
        public int VersionNo { get; init; }
        public PlanStage Stage { get; init; }
        public DateOnly? NoticeStartsOn { get; init; }
        public DateOnly? NoticeEndsOn { get; init; }
        public Money Total { get; init; }
        public int LineCount { get; init; }
        public int CurrentVersion { get; init; }
    }
}
