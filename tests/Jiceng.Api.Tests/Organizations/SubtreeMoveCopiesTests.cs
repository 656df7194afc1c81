using System.Net;
using Jiceng.Infrastructure.Database;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Organizations;

/// <summary>
/// Modules keep copies of organization paths (for subtree scans) and of the region root (for the region's rules).
/// A move must carry every copy along: the schema's path and region columns are exactly what the modules' move
/// listeners declare, and a subtree moved to another region is found, and ruled, there.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class SubtreeMoveCopiesTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string SqliteColumnsSql = """
        SELECT m.name AS table_name, p.name AS column_name
        FROM sqlite_master m JOIN pragma_table_info(m.name) p
        WHERE m.type = 'table'
        """;

    private const string PostgresColumnsSql = """
        SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()
        """;

    // The audit log records where an action happened at the time; history is not rewritten.
    private static readonly HashSet<string> HistoryTables = ["audit_log"];

    // Organizations' own tables: the move handler rewrites them itself.
    private static readonly HashSet<string> OrganizationTables =
    [
        "organizations",
        "rule_sets",
        "gradings",
        "rectifications",
        "pairings",
    ];

    [Test]
    public async Task Every_path_and_region_column_in_the_schema_is_carried_by_a_move_listener()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var columns = await services
            .GetRequiredService<DbSession>()
            .QueryAsync<SchemaColumn>(
                Provider == DatabaseProvider.Sqlite ? SqliteColumnsSql : PostgresColumnsSql,
                null,
                CancellationToken.None
            );
        var declared = services
            .GetServices<IOrganizationSubtreeMoveListener>()
            .SelectMany(listener => listener.CopiedPaths)
            .ToList();

        var pathColumns = columns
            .Where(c => c.ColumnName == "org_path" || c.ColumnName.EndsWith("_org_path", StringComparison.Ordinal))
            .Where(c => !HistoryTables.Contains(c.TableName))
            .Select(c => $"{c.TableName}.{c.ColumnName}");
        var regionTables = columns
            .Where(c => c.ColumnName == "region_root_id" && !OrganizationTables.Contains(c.TableName))
            .Select(c => c.TableName);
        Assert.Multiple(() =>
        {
            Assert.That(
                declared.Select(p => $"{p.Table}.{p.Column}"),
                Is.EquivalentTo(pathColumns),
                "every copied path is rewritten, once"
            );
            Assert.That(
                declared.Where(p => p.KeepsRegion).Select(p => p.Table).Distinct(),
                Is.EquivalentTo(regionTables),
                "every copied region is rewritten"
            );
        });
    }

    [Test]
    public async Task A_community_moved_to_another_region_takes_its_volunteers_and_care_fund_there()
    {
        var oldRegion = await CreateOrganization(Unique("原市委"), kind: "Committee", field: "Government");
        var newRegion = await CreateOrganization(Unique("新市委"), kind: "Committee", field: "Government");
        var community = await CreateOrganization("迁移社区党支部", oldRegion.Id());
        var volunteer = await Json.Read(
            await Post(
                "/api/v1/volunteering/volunteers",
                new
                {
                    organizationId = community.Id(),
                    kind = "Resident",
                    name = "张桂兰",
                    phone = "13904671234",
                    skills = new[] { "助老" },
                }
            ),
            HttpStatusCode.Created
        );
        var fund = await Json.Read(
            await Post(
                "/api/v1/assistance/funds",
                new { organizationId = community.Id(), name = "社区党内关怀帮扶资金" }
            ),
            HttpStatusCode.Created
        );

        var (_, etag) = await GetWithETag($"/api/v1/organizations/{community.Id()}");
        await Json.Read(
            await Post($"/api/v1/organizations/{community.Id()}/move", new { newParentId = newRegion.Id() }, etag),
            HttpStatusCode.OK
        );

        var inNewRegion = await Json.Read(
            await Get($"/api/v1/volunteering/volunteers?organizationId={newRegion.Id()}"),
            HttpStatusCode.OK
        );
        var inOldRegion = await Json.Read(
            await Get($"/api/v1/volunteering/volunteers?organizationId={oldRegion.Id()}"),
            HttpStatusCode.OK
        );
        var volunteerRegion = await Scalar<Guid>(
            "SELECT region_root_id FROM volunteers WHERE id = @id",
            new { id = volunteer.Id() }
        );
        var fundRegion = await Scalar<Guid>(
            "SELECT region_root_id FROM assistance_funds WHERE id = @id",
            new { id = fund.Id() }
        );
        Assert.Multiple(() =>
        {
            Assert.That(
                inNewRegion.GetProperty("items").EnumerateArray().Select(v => v.Id()),
                Is.EquivalentTo(new[] { volunteer.Id() })
            );
            Assert.That(inOldRegion.GetProperty("items").GetArrayLength(), Is.Zero);
            Assert.That(volunteerRegion, Is.EqualTo(newRegion.Id()), "the volunteer's region");
            Assert.That(fundRegion, Is.EqualTo(newRegion.Id()), "the fund's region");
        });
    }

    private sealed record SchemaColumn
    {
        public string TableName { get; init; } = "";
        public string ColumnName { get; init; } = "";
    }
}
