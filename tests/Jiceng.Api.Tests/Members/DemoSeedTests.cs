using System.Net;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Architecture;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Members;

/// <summary>The first start of scripts/run.sh: the demo tree, users and members seed on each provider and make sense.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class DemoSeedTests(DatabaseProvider provider) : ApiTest(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Demo:SeedDirectory"] = Path.Combine(Paths.Repository, "scripts", "seed") };

    [Test]
    public async Task Demo_members_are_seeded_masked_and_counted_in_the_statistics()
    {
        var members = await Json.Read(await Get("/api/v1/members?pageSize=200"), HttpStatusCode.OK);
        var roots = await Json.Read(await Get("/api/v1/organizations?depth=0"), HttpStatusCode.OK);
        var jixi = roots.GetProperty("items").EnumerateArray().First(o => o.Str("name") == "中共鸡西市委员会");
        var stats = await Json.Read(await Get($"/api/v1/organizations/{jixi.Id()}/stats"), HttpStatusCode.OK);
        var applicant = members.GetProperty("items").EnumerateArray().First(m => m.Str("stage") == "Applicant");
        var pipeline = await Json.Read(await Get($"/api/v1/members/{applicant.Id()}/pipeline"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(members.GetProperty("total").GetInt64(), Is.GreaterThan(300));
            Assert.That(
                members.GetProperty("items").EnumerateArray().Select(m => m.Str("idNumber")),
                Is.All.Matches<string>(id => id.Contains("********", StringComparison.Ordinal))
            );
            Assert.That(
                stats.GetProperty("contributed").GetProperty("members").GetProperty("full").GetInt64(),
                Is.GreaterThan(0)
            );
            Assert.That(pipeline.GetProperty("next").Str("step"), Is.EqualTo("Activist"));
        });
    }
}
