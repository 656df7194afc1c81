using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Dividends.Domain;

internal enum ObjectionStatus
{
    [Label("待答复", "Open")]
    Open,

    [Label("已答复", "Answered")]
    Answered,

    [Label("已办结", "Closed")]
    Closed,
}

/// An objection raised during a plan's notice: recorded, answered and closed before the plan is approved or paid.
internal sealed record ObjectionView
{
    public Guid Id { get; init; }
    public Guid PlanId { get; init; }
    public DateOnly ReceivedOn { get; init; }
    public string RaisedBy { get; init; } = "";
    public string Content { get; init; } = "";
    public ObjectionStatus Status { get; init; }
    public string? Answer { get; init; }
    public string? AnsweredByName { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public string? ClosedByName { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public string RecordedByName { get; init; } = "";
    public long Version { get; init; }
}

internal static class Objections
{
    public const string Columns = """
        id, plan_id, received_on, raised_by, content, status, answer, answered_by_name, answered_at, closed_by_name,
        closed_at, recorded_by_name, version
        """;

    private const string FindSql = """
        SELECT id, plan_id, received_on, raised_by, content, status, answer, answered_by_name, answered_at,
            closed_by_name, closed_at, recorded_by_name, version
        FROM dividend_plan_objections WHERE id = @id AND org_path >= @from AND org_path < @to
        """;

    public static async Task<ObjectionView> FindAsync(
        DbSession db,
        DataScope scope,
        Guid id,
        CancellationToken cancellationToken
    ) =>
        await db.QuerySingleOrDefaultAsync<ObjectionView>(
            FindSql,
            new
            {
                id,
                from = scope.From,
                to = scope.To,
            },
            cancellationToken
        ) ?? throw new NotFoundException("Objection");

    /// After a conditional UPDATE matched nothing: a stale If-Match is 412, else the status refused.
    public static async Task<Exception> RefusalAsync(
        DbSession db,
        DataScope scope,
        Guid id,
        long expectedVersion,
        CancellationToken cancellationToken
    )
    {
        var current = await FindAsync(db, scope, id, cancellationToken);
        return current.Version != expectedVersion
            ? new PreconditionFailedException()
            : DividendsErrors.ObjectionWrongStatus(current.Status.ToString());
    }
}
