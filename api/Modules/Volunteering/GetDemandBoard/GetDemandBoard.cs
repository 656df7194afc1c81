using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.GetDemandBoard;

/// <summary>One column of the board: a state, how many demands are in it and how many of them are late.</summary>
internal sealed record DemandBoardColumn(DemandState State, long Count, long Overdue);

internal sealed record DemandBoard(IReadOnlyList<DemandBoardColumn> Columns, long Total, long Overdue);

/// <summary>
/// The board: demands counted by state (every state, zero included) in a subtree, with the late ones.
/// </summary>
internal sealed record GetDemandBoardQuery(Guid? OrganizationId) : IQuery<DemandBoard>;

internal sealed class GetDemandBoardHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    TimeProvider clock
) : IQueryHandler<GetDemandBoardQuery, DemandBoard>
{
    private const string CountSql = """
        SELECT state, COUNT(*) AS count, SUM(CASE WHEN due_on < @today THEN 1 ELSE 0 END) AS overdue
        FROM volunteer_demands
        WHERE org_path >= @from AND org_path < @to
        GROUP BY state
        """;

    public async ValueTask<DemandBoard> Handle(GetDemandBoardQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var (from, to) = (scope.From, scope.To);
        if (query.OrganizationId is { } organizationId)
        {
            var subtree =
                await organizations.SubtreeWithinAsync(organizationId, scope, cancellationToken)
                ?? throw VolunteeringErrors.OrganizationNotFound();
            (from, to) = (subtree.PathFrom, subtree.PathTo);
        }
        var rows = await db.QueryAsync<Row>(
            CountSql,
            new
            {
                from,
                to,
                today = clock.Today(),
            },
            cancellationToken
        );
        var columns = Enum.GetValues<DemandState>()
            .Select(state =>
            {
                var row = rows.FirstOrDefault(r => r.State == state);
                return new DemandBoardColumn(state, row?.Count ?? 0, row?.Overdue ?? 0);
            })
            .ToList();
        return new DemandBoard(columns, columns.Sum(c => c.Count), columns.Sum(c => c.Overdue));
    }

    private sealed record Row
    {
        public DemandState State { get; init; }
        public long Count { get; init; }
        public long? Overdue { get; init; }
    }
}
