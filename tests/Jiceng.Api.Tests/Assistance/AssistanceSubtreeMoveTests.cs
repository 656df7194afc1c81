using System.Net;
using System.Text.Json;
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

    private const string FundName = "关怀资金";

    [Test]
    public async Task A_fund_moved_to_another_region_takes_its_allocations_from_the_fund_above_it_there()
    {
        var oldRegion = await CreateOrganization(Unique("原关怀市委"), kind: "Committee", field: "Government");
        var newRegion = await CreateOrganization(Unique("新关怀市委"), kind: "Committee", field: "Government");
        var community = await CreateOrganization("关怀迁移社区党委", oldRegion.Id(), kind: "Committee");
        var branch = await CreateOrganization("关怀迁移支部", community.Id());
        async Task<JsonElement> Fund(JsonElement organization) =>
            await Json.Read(
                await Post("/api/v1/assistance/funds", new { organizationId = organization.Id(), name = FundName }),
                HttpStatusCode.Created
            );
        var oldFund = await Fund(oldRegion);
        var newFund = await Fund(newRegion);
        var communityFund = await Fund(community);
        var branchFund = await Fund(branch);
        foreach (var fund in new[] { oldFund, newFund })
        {
            await Json.Read(
                await Post(
                    $"/api/v1/assistance/funds/{fund.Id()}/income",
                    new
                    {
                        source = "DuesShare",
                        amount = 10000,
                        occurredOn = "2026-01-05",
                    }
                ),
                HttpStatusCode.Created
            );
        }

        var (_, etag) = await GetWithETag($"/api/v1/organizations/{community.Id()}");
        await Json.Read(
            await Post($"/api/v1/organizations/{community.Id()}/move", new { newParentId = newRegion.Id() }, etag),
            HttpStatusCode.OK
        );

        object Allocation(JsonElement to) =>
            new
            {
                toFundId = to.Id(),
                amount = 1000,
                purpose = "下拨",
                occurredOn = "2026-01-06",
            };
        var fromNew = await Post($"/api/v1/assistance/funds/{newFund.Id()}/allocations", Allocation(communityFund));
        var fromOld = await Post($"/api/v1/assistance/funds/{oldFund.Id()}/allocations", Allocation(communityFund));
        var moved = await Json.Read(await Get($"/api/v1/assistance/funds/{communityFund.Id()}"), HttpStatusCode.OK);
        var below = await Json.Read(await Get($"/api/v1/assistance/funds/{branchFund.Id()}"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(fromNew.StatusCode, Is.EqualTo(HttpStatusCode.Created), "from the fund above it now");
            Assert.That(fromOld.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "no longer from the old place's");
            Assert.That(moved.GetProperty("fund").GetProperty("parentFundId").GetGuid(), Is.EqualTo(newFund.Id()));
            Assert.That(
                below.GetProperty("fund").GetProperty("parentFundId").GetGuid(),
                Is.EqualTo(communityFund.Id()),
                "kept"
            );
        });
    }
}
