using System.Net;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Assistance;

/// <summary>When a branch moves, its care rows (visit lists, visits) move with it, like its funds and applications.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class AssistanceSubtreeMoveTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string PathsSql = """
        SELECT org_path FROM assistance_visit_lists WHERE id = @id
        UNION ALL SELECT org_path FROM assistance_visits WHERE list_id = @id
        """;

    [Test]
    public async Task A_moved_branch_takes_its_visit_list_and_visits_along()
    {
        var root = await CreateOrganization(Unique("走访市委"), kind: "Committee", field: "Government");
        var branch = await CreateOrganization("走访支部", root.Id(), field: "Village");
        var elsewhere = await CreateOrganization("别处党委", root.Id(), kind: "Committee");
        var list = await Json.Read(
            await Post(
                "/api/v1/assistance/visit-lists",
                new
                {
                    organizationId = branch.Id(),
                    occasion = "SpringFestival",
                    year = 2026,
                }
            ),
            HttpStatusCode.Created
        );
        await Json.Read(
            await Post(
                $"/api/v1/assistance/visit-lists/{list.Id()}/visits",
                new { name = "李秀英", relation = "烈士李某之母" }
            ),
            HttpStatusCode.Created
        );

        var (_, etag) = await GetWithETag($"/api/v1/organizations/{branch.Id()}");
        await Json.Read(
            await Post($"/api/v1/organizations/{branch.Id()}/move", new { newParentId = elsewhere.Id() }, etag),
            HttpStatusCode.OK
        );

        await using var scope = Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var moved = await services
            .GetRequiredService<IOrganizationDirectory>()
            .FindWithinAsync(branch.Id(), DataScope.WholeTree, CancellationToken.None);
        var paths = await services
            .GetRequiredService<DbSession>()
            .QueryAsync<string>(PathsSql, new { id = list.Id() }, CancellationToken.None);
        Assert.That(paths, Has.Count.EqualTo(2).And.All.EqualTo(moved!.Path));
    }
}
