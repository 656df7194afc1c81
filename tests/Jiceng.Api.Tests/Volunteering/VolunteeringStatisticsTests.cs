using System.Net;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Volunteering;

/// <summary>
/// 统计分析 of Volunteering on each database: a year's demands by state and category, the median hours to accept,
/// claim and complete, the share done by the wished-for date, the average rating, micro-wishes, teams, volunteers
/// and hours by month, for a subtree and for one organization without its descendants, and scope.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class VolunteeringStatisticsTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Base = "/api/v1/volunteering";

    [TearDown]
    public async Task BackToStart()
    {
        Clock.Set(ApiFactory.Start);
        await SignInAgain();
    }

    private async Task At(TimeSpan sinceStart)
    {
        Clock.Set(ApiFactory.Start + sinceStart);
        await SignInAgain();
    }

    private async Task<JsonElement> Place(Guid organization, string category, string? wishedOn = null) =>
        await Json.Read(
            await Post(
                $"{Base}/demands",
                new
                {
                    organizationId = organization,
                    category,
                    description = "楼道灯坏了，老人夜里出门不方便",
                    requesterName = "刘桂兰",
                    requesterPhone = "13612345678",
                    urgency = "Normal",
                    wishedOn,
                }
            ),
            HttpStatusCode.Created
        );

    private async Task<JsonElement> Step(JsonElement demand, string step, object body) =>
        await Json.Read(
            await Post($"{Base}/demands/{demand.Id()}/{step}", body, $"\"{demand.GetProperty("version").GetInt64()}\""),
            HttpStatusCode.OK
        );

    private async Task<Guid> Member(Guid branch, string name) =>
        await RegisterMember(
            new NewMember
            {
                OrganizationId = branch,
                Name = name,
                IdNumber = TestIdNumbers.For("1978-03-03"),
                Category = "InService",
                Stage = "Full",
                JoinedOn = "2003-07-01",
                FullMemberOn = "2004-07-01",
            }
        );

    private async Task<JsonElement> Statistics(string query) =>
        await Json.Read(await Get($"{Base}/statistics?{query}"), HttpStatusCode.OK);

    [Test]
    public async Task The_years_figures_count_states_categories_median_times_on_time_rating_wishes_teams_and_hours()
    {
        var root = (await CreateOrganization(Unique("统计街道党工委"), kind: "Committee", field: "Government")).Id();
        var community = (await CreateOrganization(Unique("统计社区党委"), root, kind: "Committee")).Id();
        var branch = (await CreateOrganization(Unique("统计第一支部"), community)).Id();
        var first = await Member(branch, "郑服务");
        var second = await Member(branch, "冯服务");

        // Placed at the start (Monday 15 June 2026, 10:00 in Shanghai); the branch's one stays waiting.
        var quick = await Place(community, "助老助残", wishedOn: "2026-06-30");
        var late = await Place(community, "助老助残", wishedOn: "2026-06-16");
        await Place(branch, "环境整治");
        var refused = await Place(community, "助老助残");

        await At(TimeSpan.FromHours(2));
        quick = await Step(quick, "accept", new { });
        await Step(refused, "reject", new { reason = "不属于志愿服务范围" });
        await At(TimeSpan.FromHours(6));
        late = await Step(late, "accept", new { });
        quick = await Step(
            await Step(quick, "open", new { }),
            "claim",
            new { claimant = new { kind = "Member", id = first } }
        );
        await At(TimeSpan.FromHours(8));
        late = await Step(late, "dispatch", new { claimant = new { kind = "Member", id = second } });
        quick = await Step(quick, "start", new { });
        late = await Step(late, "start", new { });
        await At(TimeSpan.FromHours(10));
        quick = await Step(
            quick,
            "complete",
            new { workDone = "更换楼道灯泡", helpers = new[] { new { memberId = first, hours = 1.5 } } }
        );
        await Step(quick, "rate", new { stars = 5 });
        await At(TimeSpan.FromDays(3));
        late = await Step(
            late,
            "complete",
            new { workDone = "维修楼道灯线路", helpers = new[] { new { memberId = second, hours = 2 } } }
        );
        await Step(late, "rate", new { stars = 3 });

        var wish = await Json.Read(
            await Post(
                $"{Base}/wishes",
                new
                {
                    organizationId = community,
                    kind = "ChildLeftBehind",
                    description = "一个新书包",
                    estimatedValue = 60m,
                    personName = "陈小雨",
                    personPhone = "13912340000",
                }
            ),
            HttpStatusCode.Created
        );
        await Json.Read(
            await Post(
                $"{Base}/wishes",
                new
                {
                    organizationId = community,
                    kind = "ChildLeftBehind",
                    description = "一套彩笔",
                    estimatedValue = 30m,
                    personName = "陈小雪",
                    personPhone = "13912340001",
                }
            ),
            HttpStatusCode.Created
        );
        await Json.Read(
            await Post(
                $"{Base}/wishes/{wish.Id()}/claim",
                new { claimant = new { kind = "Organization", id = branch } },
                "\"1\""
            ),
            HttpStatusCode.OK
        );
        await Json.Read(
            await Post($"{Base}/wishes/{wish.Id()}/delivery", new { deliveredOn = "2026-06-18" }, "\"2\""),
            HttpStatusCode.OK
        );

        var resident = await Json.Read(
            await Post(
                $"{Base}/volunteers",
                new
                {
                    organizationId = community,
                    kind = "Resident",
                    name = "何丽华",
                    phone = "13712340000",
                    skills = new[] { "理发" },
                }
            ),
            HttpStatusCode.Created
        );
        await Json.Read(
            await Post(
                $"{Base}/teams",
                new
                {
                    organizationId = community,
                    name = Unique("统计服务队"),
                    skills = new[] { "理发" },
                }
            ),
            HttpStatusCode.Created
        );
        // An activity on Saturday 20 June, 09:00 to 11:00 in Shanghai, served whole: 2 hours in June.
        var nine = new DateTimeOffset(2026, 6, 20, 1, 0, 0, TimeSpan.Zero);
        var activity = await Json.Read(
            await Post(
                $"{Base}/activities",
                new
                {
                    organizationId = community,
                    title = "义剪",
                    place = "社区活动室",
                    startsAt = nine,
                    endsAt = nine.AddHours(2),
                    quota = 5,
                }
            ),
            HttpStatusCode.Created
        );
        var session = await Json.Read(
            await Post($"{Base}/activities/{activity.Id()}/sign-ups", new { volunteerId = resident.Id() }),
            HttpStatusCode.Created
        );
        await At(nine - ApiFactory.Start);
        session = await Json.Read(
            await Post($"{Base}/sessions/{session.Id()}/check-in", new { evidence = "Organizer" }, "\"1\""),
            HttpStatusCode.OK
        );
        await At(nine.AddHours(2) - ApiFactory.Start);
        await Json.Read(
            await Post(
                $"{Base}/sessions/{session.Id()}/check-out",
                new { evidence = "Organizer" },
                $"\"{session.GetProperty("version").GetInt64()}\""
            ),
            HttpStatusCode.OK
        );

        var whole = await Statistics($"organizationId={community}&year=2026");
        var demands = whole.GetProperty("demands");
        long State(JsonElement figures, string state) =>
            figures
                .GetProperty("byState")
                .EnumerateArray()
                .Single(s => s.Str("state") == state)
                .GetProperty("count")
                .GetInt64();
        var june = whole
            .GetProperty("hoursByMonth")
            .EnumerateArray()
            .Single(m => m.GetProperty("month").GetInt32() == 6);
        Assert.Multiple(() =>
        {
            Assert.That(whole.GetProperty("descendants").GetBoolean(), Is.True);
            Assert.That(demands.GetProperty("placed").GetInt64(), Is.EqualTo(4));
            Assert.That(demands.GetProperty("claimed").GetInt64(), Is.EqualTo(2));
            Assert.That(demands.GetProperty("done").GetInt64(), Is.EqualTo(2));
            Assert.That(State(demands, "Rated"), Is.EqualTo(2));
            Assert.That(State(demands, "Submitted"), Is.EqualTo(1));
            Assert.That(State(demands, "Rejected"), Is.EqualTo(1));
            Assert.That(State(demands, "Open"), Is.Zero, "every state is listed, zero included");
            Assert.That(
                demands
                    .GetProperty("byCategory")
                    .EnumerateArray()
                    .Select(c => (c.Str("category"), c.GetProperty("count").GetInt64())),
                Is.EqualTo(new[] { ("助老助残", 3L), ("环境整治", 1L) })
            );
            // Accepted after 2 and 6 hours; a claimant 4 and 2 hours after that; completed after 10 and 72 hours.
            Assert.That(demands.GetProperty("medianHoursToAccept").GetDecimal(), Is.EqualTo(4.0m));
            Assert.That(demands.GetProperty("medianHoursToClaim").GetDecimal(), Is.EqualTo(3.0m));
            Assert.That(demands.GetProperty("medianHoursToComplete").GetDecimal(), Is.EqualTo(41.0m));
            Assert.That(demands.GetProperty("completed").GetInt64(), Is.EqualTo(2));
            Assert.That(demands.GetProperty("completedOnTime").GetInt64(), Is.EqualTo(1), "done 18 June, wished 16th");
            Assert.That(demands.GetProperty("onTimePercent").GetDecimal(), Is.EqualTo(50.0m));
            Assert.That(demands.GetProperty("averageRating").GetDecimal(), Is.EqualTo(4.0m));
            Assert.That(whole.GetProperty("wishes").GetProperty("placed").GetInt64(), Is.EqualTo(2));
            Assert.That(whole.GetProperty("wishes").GetProperty("claimed").GetInt64(), Is.EqualTo(1));
            Assert.That(whole.GetProperty("wishes").GetProperty("delivered").GetInt64(), Is.EqualTo(1));
            Assert.That(whole.GetProperty("teams").GetProperty("teams").GetInt64(), Is.EqualTo(1));
            Assert.That(whole.GetProperty("teams").GetProperty("volunteers").GetInt64(), Is.EqualTo(1));
            Assert.That(whole.GetProperty("teams").GetProperty("served").GetInt64(), Is.EqualTo(1));
            Assert.That(june.GetProperty("activityHours").GetDecimal(), Is.EqualTo(2m));
            Assert.That(june.GetProperty("demandHours").GetDecimal(), Is.EqualTo(3.5m));
            Assert.That(whole.GetProperty("hoursByMonth").GetArrayLength(), Is.EqualTo(12));
            Assert.That(whole.GetProperty("activityHours").GetDecimal(), Is.EqualTo(2m));
        });

        var own = await Statistics($"organizationId={community}&descendants=false&year=2026");
        var branchOnly = await Statistics($"organizationId={branch}&year=2026");
        var lastYear = await Statistics($"organizationId={community}&year=2025");
        Assert.Multiple(() =>
        {
            Assert.That(own.GetProperty("descendants").GetBoolean(), Is.False);
            Assert.That(own.GetProperty("demands").GetProperty("placed").GetInt64(), Is.EqualTo(3), "not the branch's");
            Assert.That(State(own.GetProperty("demands"), "Submitted"), Is.Zero);
            Assert.That(branchOnly.GetProperty("demands").GetProperty("placed").GetInt64(), Is.EqualTo(1));
            Assert.That(
                branchOnly.GetProperty("demands").GetProperty("medianHoursToAccept").ValueKind,
                Is.EqualTo(JsonValueKind.Null),
                "nothing accepted: no median"
            );
            Assert.That(lastYear.GetProperty("demands").GetProperty("placed").GetInt64(), Is.Zero);
            Assert.That(lastYear.GetProperty("activityHours").GetDecimal(), Is.Zero);
        });
    }

    [Test]
    public async Task Another_regions_organization_and_a_year_out_of_range_are_400()
    {
        var mine = (await CreateOrganization(Unique("本区街道党工委"), kind: "Committee", field: "Government")).Id();
        var other = (await CreateOrganization(Unique("外区街道党工委"), kind: "Committee", field: "Government")).Id();
        var username = Unique("vol-stats");
        await Json.Read(
            await Post("/api/v1/users", NewUser.WithRole(username, "Scoped-Password-1", "Viewer", mine)),
            HttpStatusCode.Created
        );
        using var scoped = await SignedInClient(username, "Scoped-Password-1");
        Assert.That(
            (await scoped.GetAsync($"{Base}/statistics?organizationId={mine}")).StatusCode,
            Is.EqualTo(HttpStatusCode.OK)
        );
        await Json.Problem(
            await scoped.GetAsync($"{Base}/statistics?organizationId={other}"),
            HttpStatusCode.BadRequest,
            field: "organizationId"
        );
        await Json.Problem(await Get($"{Base}/statistics?year=1999"), HttpStatusCode.BadRequest, field: "year");
        await Json.Problem(await Get($"{Base}/statistics?year=abc"), HttpStatusCode.BadRequest);
    }
}
