using Dapper;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;

namespace Jiceng.Modules.Organizations.ListOrganizations;

/// <summary>
/// The benchmark's yardstick: the same SQL as <see cref="ListOrganizationsHandler"/> run straight through
/// Dapper with no mediator, validation or paging helpers. Mapped only when Benchmark:BareTwins is true.
/// </summary>
internal static class ListOrganizationsBareTwinEndpoint
{
    private const string FindPathSql = "SELECT path FROM organizations WHERE id = @id";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/bench/bare/organizations",
                async (
                    Guid? within,
                    int? page,
                    int? pageSize,
                    DbConnectionFactory connections,
                    CancellationToken cancellationToken
                ) =>
                {
                    await using var connection = await connections.OpenAsync(cancellationToken);
                    var from = TreePath.WholeTreeFrom;
                    var to = TreePath.WholeTreeTo;
                    if (within is not null)
                    {
                        var path = await connection.QuerySingleAsync<string>(FindPathSql, new { id = within });
                        (from, to) = (path, TreePath.SubtreeEnd(path));
                    }
                    var size = pageSize ?? PageRequest.DefaultPageSize;
                    var number = page ?? 1;
                    var parameters = new DynamicParameters(
                        new
                        {
                            from,
                            to,
                            kind = (string?)null,
                            field = (string?)null,
                            pattern = (string?)null,
                            status = "Active",
                            depth = (int?)null,
                        }
                    );
                    parameters.Add("skip", (number - 1) * size);
                    parameters.Add("take", size);
                    var total = await connection.ExecuteScalarAsync<long>(
                        connections.Dialect.Render(ListOrganizationsHandler.CountSql),
                        parameters
                    );
                    var order = SortOrder.Parse(null, OrganizationListing.SortColumns, "tree", "o.id");
                    var items = await connection.QueryAsync<OrganizationListItem>(
                        connections.Dialect.Render(order.Apply(ListOrganizationsHandler.PageSql)),
                        parameters
                    );
                    return Results.Ok(new Paged<OrganizationListItem>(items.AsList(), total, number, size));
                }
            )
            // Anonymous on purpose: the twin measures the bare query path, and it exists only in benchmark runs.
            .AllowPublic()
            .ExcludeFromDescription();
}
