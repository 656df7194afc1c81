using Dapper;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;

namespace Jiceng.Modules.Members.ListMembers;

/// <summary>
/// The benchmark's yardstick for the member list: the same SQL as the list (<see cref="MemberRegister"/>, and the
/// same organization-name lookup) run straight through Dapper, with no mediator, validation, scope or paging
/// helpers. Mapped only when Benchmark:BareTwins is true.
/// </summary>
internal static class ListMembersBareTwinEndpoint
{
    private const string NamesSql = "SELECT id AS Id, name AS Name FROM organizations WHERE id {in:ids}";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/bench/bare/members",
                async (
                    string? q,
                    int? page,
                    int? pageSize,
                    DbConnectionFactory connections,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                {
                    await using var connection = await connections.OpenAsync(cancellationToken);
                    var today = clock.Today();
                    var size = pageSize ?? PageRequest.DefaultPageSize;
                    var number = page ?? 1;
                    var filter = MemberRegister.FilterParameters(
                        new MemberFilter(q),
                        DataScope.WholeTree.From,
                        DataScope.WholeTree.To,
                        null,
                        today
                    );
                    var parameters = new DynamicParameters(ParameterBinder.Bind(filter, connections.Provider));
                    parameters.Add("skip", (number - 1) * size);
                    parameters.Add("take", size);
                    var total = await connection.ExecuteScalarAsync<long>(
                        connections.Dialect.Render(MemberRegister.CountSql),
                        parameters
                    );
                    var order = SortOrder.Parse(
                        null,
                        MemberRegister.SortColumns,
                        MemberRegister.DefaultSort,
                        MemberRegister.TieBreaker
                    );
                    var rows = (
                        await connection.QueryAsync<MemberRow>(
                            connections.Dialect.Render(order.Apply(MemberRegister.PageSql)),
                            parameters
                        )
                    ).AsList();
                    var names = (
                        await connection.QueryAsync<(Guid Id, string Name)>(
                            connections.Dialect.Render(NamesSql),
                            ParameterBinder.Bind(
                                new { ids = rows.Select(r => r.OrgId).Distinct().ToArray() },
                                connections.Provider
                            )
                        )
                    ).ToDictionary(n => n.Id, n => n.Name);
                    var items = rows.Select(m => new MemberListItem(
                            m.Id,
                            m.OrgId,
                            names.GetValueOrDefault(m.OrgId, ""),
                            m.Name,
                            m.Gender,
                            MemberRow.YearsBetween(m.BirthDate, m.LivedUntil(today)),
                            m.IdNumberMasked,
                            m.Education,
                            m.Category,
                            m.Stage,
                            m.Status,
                            m.JoinedOn,
                            m.FullMemberOn,
                            m.Version
                        ))
                        .ToList();
                    return Results.Ok(new Paged<MemberListItem>(items, total, number, size));
                }
            )
            // Anonymous on purpose: the twin measures the bare query path, and it exists only in benchmark runs.
            .AllowPublic()
            .ExcludeFromDescription();
}
