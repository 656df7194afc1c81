using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.ListPlanVersions;

/// Every version of a plan, oldest first: what changed (the reason each new version gives), who prepared it, and
/// its totals, so the versions can be read side by side. A plan has a handful of versions: the list is whole.
internal sealed record ListPlanVersionsQuery(Guid PlanId) : IQuery<IReadOnlyList<PlanVersionItem>>;

internal sealed record PlanVersionItem
{
    public Guid Id { get; init; }
    public int VersionNo { get; init; }
    public Guid? SupersedesId { get; init; }
    public string Title { get; init; } = "";
    public int Year { get; init; }
    public DateOnly CutOffOn { get; init; }
    public PlanStage Stage { get; init; }
    public Money Total { get; init; }
    public int LineCount { get; init; }
    public string PreparedByName { get; init; } = "";
    public string? RevisionReason { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class ListPlanVersionsHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<ListPlanVersionsQuery, IReadOnlyList<PlanVersionItem>>
{
    private const string VersionsSql = """
        SELECT id, version_no, supersedes_id, title, year, cut_off_on, stage, total_fen AS total, line_count,
            prepared_by_name, revision_reason, created_at
        FROM dividend_plans
        WHERE plan_group_id = @groupId AND org_path >= @from AND org_path < @to
        ORDER BY version_no
        """;

    public async ValueTask<IReadOnlyList<PlanVersionItem>> Handle(
        ListPlanVersionsQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var plan = await PlanRecords.FindAsync(db, scope, query.PlanId, cancellationToken);
        return await db.QueryAsync<PlanVersionItem>(
            VersionsSql,
            new
            {
                groupId = plan.PlanGroupId,
                from = scope.From,
                to = scope.To,
            },
            cancellationToken
        );
    }
}
