using Dapper;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;

namespace Jiceng.Modules.Volunteering.ListDemands;

/// <summary>
/// The benchmark's yardstick for the demand list: the same count and page SQL as <see cref="ListDemandsHandler"/>
/// (a subtree's demands, or its overdue ones by deadline) run straight through Dapper with no mediator, validation,
/// scope, paging helpers or response shaping. Mapped only when Benchmark:BareTwins is true.
/// </summary>
internal static class ListDemandsBareTwinEndpoint
{
    private const string FindPathSql = "SELECT path FROM organizations WHERE id = @id";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/bench/bare/volunteering/demands",
                async (
                    Guid organizationId,
                    bool? overdue,
                    int? page,
                    int? pageSize,
                    DbConnectionFactory connections,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                {
                    await using var connection = await connections.OpenAsync(cancellationToken);
                    var path = await connection.QuerySingleAsync<string>(FindPathSql, new { id = organizationId });
                    var size = pageSize ?? PageRequest.DefaultPageSize;
                    var number = page ?? 1;
                    var overdueOnly = overdue == true;
                    var filter = new DemandListFilter(
                        path,
                        // The subtree's end, as Organizations' contract gives it (path + "~").
                        path + "~",
                        null,
                        null,
                        null,
                        overdueOnly ? clock.Today() : null,
                        null
                    );
                    var parameters = new DynamicParameters(
                        ParameterBinder.Bind(filter.Parameters(), connections.Provider)!
                    );
                    parameters.Add("skip", (number - 1) * size);
                    parameters.Add("take", size);
                    var total = await connection.ExecuteScalarAsync<long>(
                        connections.Dialect.Render(ListDemandsHandler.CountSql(filter)),
                        parameters
                    );
                    var order = SortOrder.Parse(
                        null,
                        ListDemandsHandler.SortColumns,
                        overdueOnly ? "dueOn" : "-submittedOn",
                        "id"
                    );
                    var items = await connection.QueryAsync<DemandRow>(
                        connections.Dialect.Render(order.Apply(ListDemandsHandler.PageSql(filter))),
                        parameters
                    );
                    return Results.Ok(new Paged<DemandRow>(items.AsList(), total, number, size));
                }
            )
            // Anonymous on purpose: the twin measures the bare query path, and it exists only in benchmark runs.
            .AllowPublic()
            .ExcludeFromDescription();
}
