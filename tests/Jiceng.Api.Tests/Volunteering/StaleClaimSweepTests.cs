using System.Net;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Modules.Volunteering.ReleaseStaleClaims;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Volunteering;

/// <summary>
/// 接单超时退回 without a user: one sweep of the hosted service releases a claim left unstarted past the region's days
/// (7 by default), keeps a started one, and records the release on the demand's timeline as the system's step.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class StaleClaimSweepTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Demands = "/api/v1/volunteering/demands";

    [TearDown]
    public async Task BackToStart()
    {
        Clock.Set(ApiFactory.Start);
        await SignInAgain();
    }

    private async Task<JsonElement> Step(JsonElement demand, string step, object body) =>
        await Json.Read(
            await Post($"{Demands}/{demand.Id()}/{step}", body, $"\"{demand.GetProperty("version").GetInt64()}\""),
            HttpStatusCode.OK
        );

    private async Task<JsonElement> Claimed(Guid community, Guid member)
    {
        var placed = await Json.Read(
            await Post(
                Demands,
                new
                {
                    organizationId = community,
                    category = "邻里互助",
                    description = "帮忙搬运一张旧床到楼下",
                    requesterName = "宋玉珍",
                    requesterPhone = "13512345678",
                    urgency = "Normal",
                }
            ),
            HttpStatusCode.Created
        );
        var open = await Step(await Step(placed, "accept", new { }), "open", new { });
        return await Step(open, "claim", new { claimant = new { kind = "Member", id = member } });
    }

    [Test]
    public async Task One_sweep_releases_a_stale_claim_as_the_systems_step_and_keeps_a_started_one()
    {
        var root = (await CreateOrganization(Unique("超时街道党工委"), kind: "Committee", field: "Government")).Id();
        var community = (await CreateOrganization(Unique("超时社区党委"), root, kind: "Committee")).Id();
        var branch = (await CreateOrganization(Unique("超时第一支部"), community)).Id();
        var member = await RegisterMember(
            new NewMember
            {
                OrganizationId = branch,
                Name = "韩接单",
                IdNumber = TestIdNumbers.For("1985-09-09"),
                Category = "InService",
                Stage = "Full",
                JoinedOn = "2010-07-01",
                FullMemberOn = "2011-07-01",
            }
        );
        var stale = await Claimed(community, member);
        var started = await Step(await Claimed(community, member), "start", new { });
        var sweep = Factory.Services.GetRequiredService<StaleClaimSweep>();

        Clock.Set(ApiFactory.Start.AddDays(6));
        var early = await sweep.SweepAsync(CancellationToken.None);
        Assert.That(early.DemandIds, Does.Not.Contain(stale.Id()), "six days is not yet stale");

        Clock.Set(ApiFactory.Start.AddDays(7));
        var released = await sweep.SweepAsync(CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(released.DemandIds, Does.Contain(stale.Id()));
            Assert.That(released.DemandIds, Does.Not.Contain(started.Id()), "a started service is progress");
        });
        await SignInAgain();
        var (whole, _) = await GetWithETag($"{Demands}/{stale.Id()}");
        var last = whole.GetProperty("steps").EnumerateArray().Last();
        Assert.Multiple(() =>
        {
            Assert.That(whole.Str("state"), Is.EqualTo("Open"));
            Assert.That(whole.GetProperty("claimant").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(last.Str("step"), Is.EqualTo("Release"));
            Assert.That(last.Str("recordedBy"), Is.EqualTo("system"), "no user ran it");
            Assert.That(last.Str("note"), Does.Contain("7"));
        });
        var again = await sweep.SweepAsync(CancellationToken.None);
        Assert.That(again.DemandIds, Does.Not.Contain(stale.Id()), "released once");
    }
}
