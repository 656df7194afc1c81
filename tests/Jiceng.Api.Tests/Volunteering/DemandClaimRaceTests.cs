using System.Net;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Volunteering;

/// <summary>
/// One demand, one claimant: of many simultaneous claims on an open demand exactly one succeeds and the others are
/// 409 demand_already_claimed (the claim is one conditional UPDATE, never read-then-write).
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class DemandClaimRaceTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Demands = "/api/v1/volunteering/demands";

    // The shared test server's pool (50) is smaller than the 64 requests in flight; the race needs them all at once.
    protected override IReadOnlyDictionary<string, string?> Settings =>
        Provider == DatabaseProvider.Postgres
            ? new Dictionary<string, string?>
            {
                ["ConnectionStrings:Default"] = Database.ConnectionString + ";Maximum Pool Size=140",
            }
            : new Dictionary<string, string?>();

    private static string ETag(JsonElement demand) => $"\"{demand.GetProperty("version").GetInt64()}\"";

    private async Task<JsonElement> Step(JsonElement demand, string step, object body) =>
        await Json.Read(await Post($"{Demands}/{demand.Id()}/{step}", body, ETag(demand)), HttpStatusCode.OK);

    [Test]
    public async Task Of_64_simultaneous_claims_exactly_one_wins()
    {
        var root = (await CreateOrganization(Unique("抢单街道"), kind: "Committee", field: "Government")).Id();
        var community = (await CreateOrganization(Unique("抢单社区"), root, kind: "Committee")).Id();
        var branch = (await CreateOrganization(Unique("抢单支部"), community)).Id();
        var members = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            members.Add(
                await RegisterMember(
                    new NewMember
                    {
                        OrganizationId = branch,
                        Name = "抢单党员" + i,
                        IdNumber = TestIdNumbers.For("1985-01-01"),
                        Category = "InService",
                        Stage = "Full",
                        JoinedOn = "2010-07-01",
                        FullMemberOn = "2011-07-01",
                    }
                )
            );
        }
        var placed = await Json.Read(
            await Post(
                Demands,
                new
                {
                    organizationId = community,
                    category = "邻里互助",
                    description = "帮独居老人买菜",
                    requesterName = "陈大爷",
                    requesterPhone = "13700001234",
                }
            ),
            HttpStatusCode.Created
        );
        var demand = await Step(await Step(placed, "accept", new { }), "open", new { });
        // SQLite runs one writer at a time (BEGIN IMMEDIATE), so 64 at once only queue past its 5-second busy
        // timeout on a loaded machine; the race itself is PostgreSQL's, where the 64 run truly at once.
        var parallel = Provider == DatabaseProvider.Postgres ? 64 : 8;
        var responses = await Task.WhenAll(
            Enumerable
                .Range(0, parallel)
                .Select(i =>
                    Post(
                        $"{Demands}/{demand.Id()}/claim",
                        new { claimant = new { kind = "Member", id = members[i % 4] } },
                        ETag(demand)
                    )
                )
        );
        var codes = new List<string>();
        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            codes.Add((await Json.Problem(response, HttpStatusCode.Conflict)).Str("code"));
        }
        Assert.Multiple(() =>
        {
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1), "exactly one wins");
            Assert.That(codes, Has.Count.EqualTo(parallel - 1).And.All.EqualTo("demand_already_claimed"));
        });
        var (whole, _) = await GetWithETag($"{Demands}/{demand.Id()}");
        Assert.Multiple(() =>
        {
            Assert.That(whole.Str("state"), Is.EqualTo("Assigned"));
            Assert.That(
                whole.GetProperty("steps").EnumerateArray().Count(s => s.Str("step") == "Claim"),
                Is.EqualTo(1),
                "one claim on the timeline"
            );
        });
    }
}
