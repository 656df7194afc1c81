using System.Net;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Organizations;

/// <summary>Writers racing on one version: the conditional UPDATE lets exactly one through.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class ConcurrencyTests(DatabaseProvider provider) : ApiTest(provider)
{
    [Test]
    public async Task Concurrent_updates_with_the_same_etag_let_exactly_one_win()
    {
        var organization = await CreateOrganization(Unique("并发党支部"));
        var url = $"/api/v1/organizations/{organization.Id()}";
        var attempts = Enumerable
            .Range(0, 8)
            .Select(i =>
                Put(
                    url,
                    new
                    {
                        name = $"名称{i}",
                        kind = "Branch",
                        field = "UrbanCommunity",
                    },
                    "\"1\""
                )
            )
            .ToList();
        var statuses = (await Task.WhenAll(attempts)).Select(r => r.StatusCode).ToList();

        var (current, etag) = await GetWithETag(url);
        Assert.Multiple(() =>
        {
            Assert.That(statuses.Count(s => s == HttpStatusCode.OK), Is.EqualTo(1), string.Join(",", statuses));
            Assert.That(
                statuses.Count(s => s == HttpStatusCode.PreconditionFailed),
                Is.EqualTo(7),
                string.Join(",", statuses)
            );
            Assert.That(etag, Is.EqualTo("\"2\""));
            Assert.That(current.Str("name"), Does.StartWith("名称"));
        });
    }

    [Test]
    public async Task Concurrent_creates_under_one_parent_all_get_distinct_paths()
    {
        var parent = await CreateOrganization(Unique("并发党委"), kind: "Committee");
        var creates = Enumerable
            .Range(0, 10)
            .Select(i =>
                Post("/api/v1/organizations", new NewOrganization($"支部{i}", parent.Id(), "Branch", "Village"))
            )
            .ToList();
        var responses = await Task.WhenAll(creates);
        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Created));

        var children = await Json.Read(
            await Get($"/api/v1/organizations/{parent.Id()}/children?pageSize=50"),
            HttpStatusCode.OK
        );
        var stats = await Json.Read(await Get($"/api/v1/organizations/{parent.Id()}/stats"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(children.GetProperty("total").GetInt64(), Is.EqualTo(10));
            Assert.That(stats.GetProperty("activeOrganizations").GetInt64(), Is.EqualTo(11));
        });
    }

    [Test]
    public async Task Crossing_moves_never_make_a_cycle()
    {
        var root = await CreateOrganization(Unique("交叉移动"), kind: "Committee");
        var a = await CreateOrganization("甲", root.Id(), "Committee");
        var b = await CreateOrganization("乙", root.Id(), "Committee");
        var moves = await Task.WhenAll(
            Post($"/api/v1/organizations/{a.Id()}/move", new { newParentId = b.Id() }, ifMatch: "\"1\""),
            Post($"/api/v1/organizations/{b.Id()}/move", new { newParentId = a.Id() }, ifMatch: "\"1\"")
        );

        Assert.That(
            moves.Count(m => m.StatusCode == HttpStatusCode.OK),
            Is.EqualTo(1),
            string.Join(",", moves.Select(m => m.StatusCode))
        );
        var stats = await Json.Read(await Get($"/api/v1/organizations/{root.Id()}/stats"), HttpStatusCode.OK);
        Assert.That(
            stats.GetProperty("activeOrganizations").GetInt64(),
            Is.EqualTo(3),
            "both nodes are still inside the root's subtree"
        );
    }
}
