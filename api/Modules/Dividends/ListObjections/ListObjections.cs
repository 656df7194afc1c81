using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.ListObjections;

/// A plan's objection register, oldest first (a plan has few).
internal sealed record ListObjectionsQuery(Guid PlanId) : IQuery<IReadOnlyList<ObjectionView>>;

internal sealed class ListObjectionsHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<ListObjectionsQuery, IReadOnlyList<ObjectionView>>
{
    private const string ListSql = """
        SELECT id, plan_id, received_on, raised_by, content, status, answer, answered_by_name, answered_at,
            closed_by_name, closed_at, recorded_by_name, version
        FROM dividend_plan_objections WHERE plan_id = @planId ORDER BY created_at, id
        """;

    public async ValueTask<IReadOnlyList<ObjectionView>> Handle(
        ListObjectionsQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var plan = await PlanRecords.FindAsync(db, scope, query.PlanId, cancellationToken);
        return await db.QueryAsync<ObjectionView>(ListSql, new { planId = plan.Id }, cancellationToken);
    }
}
