using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Volunteering;

/// <summary>
/// Teams, volunteers, activities and hours (issue 14): quota, check-in and check-out with evidence, rounding inside
/// the scheduled window, stars from the region's thresholds, late entries approved by another coordinator,
/// certificates checked anonymously, personal data masked, and scope.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class VolunteerHoursTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Base = "/api/v1/volunteering";

    // 09:00 to 11:00 in Shanghai on 2026-06-16, the day after the test clock's start.
    private static readonly DateTimeOffset Nine = new(2026, 6, 16, 1, 0, 0, TimeSpan.Zero);

    [SetUp]
    public void ResetClock() => Clock.Set(ApiFactory.Start);

    private async Task<(Guid Region, Guid Community)> Community(string name)
    {
        var region = await CreateOrganization(
            Unique(name + "街道党工委"),
            kind: "WorkingCommittee",
            field: "Government"
        );
        var community = await CreateOrganization(Unique(name + "社区党委"), region.Id(), kind: "Committee");
        return (region.Id(), community.Id());
    }

    private async Task<JsonElement> Resident(Guid community, string name, string phone) =>
        await Json.Read(
            await Post(
                $"{Base}/volunteers",
                new
                {
                    organizationId = community,
                    kind = "Resident",
                    name,
                    phone,
                    skills = new[] { "理发", "助老" },
                }
            ),
            HttpStatusCode.Created
        );

    private async Task<JsonElement> Activity(Guid community, DateTimeOffset start, int hours, int quota) =>
        await Json.Read(
            await Post(
                $"{Base}/activities",
                new
                {
                    organizationId = community,
                    title = "敬老院义剪",
                    place = "幸福里社区养老服务站",
                    startsAt = start,
                    endsAt = start.AddHours(hours),
                    quota,
                }
            ),
            HttpStatusCode.Created
        );

    private async Task<JsonElement> SignUp(Guid activity, Guid volunteer) =>
        await Json.Read(
            await Post($"{Base}/activities/{activity}/sign-ups", new { volunteerId = volunteer }),
            HttpStatusCode.Created
        );

    private static string ETag(JsonElement session) => $"\"{session.GetProperty("version").GetInt64()}\"";

    private async Task LowerFirstStar(Guid region)
    {
        var created = await Json.Read(
            await Post("/api/v1/rule-sets", new { regionRootId = region, name = "星级试点" }),
            HttpStatusCode.Created
        );
        var (body, etag) = await GetWithETag($"/api/v1/rule-sets/{created.Id()}");
        var document = JsonNode.Parse(body.GetProperty("document").GetRawText())!;
        document["volunteering"]!["oneStarHours"]!["value"] = 2;
        document["volunteering"]!["oneStarHours"]!["source"] = "试点规定：累计 2 小时即为一星级（测试）。";
        await Json.Read(
            await Put($"/api/v1/rule-sets/{created.Id()}", new { name = "星级试点", document }, etag),
            HttpStatusCode.OK
        );
    }

    [Test]
    public async Task Check_in_and_out_credit_rounded_hours_inside_the_window_and_give_a_star_and_a_certificate()
    {
        var (region, community) = await Community("幸福里");
        await LowerFirstStar(region);
        var zhang = await Resident(community, "张秀英", "13912345678");
        var li = await Resident(community, "李明", "13800001111");
        var activity = await Activity(community, Nine, 2, quota: 1);

        var session = await SignUp(activity.Id(), zhang.Id());
        await Json.Problem(
            await Post($"{Base}/activities/{activity.Id()}/sign-ups", new { volunteerId = li.Id() }),
            HttpStatusCode.Conflict,
            code: "activity_full"
        );

        // Check-in is not open a day early; at 09:05 with the code shown at the place it is.
        await Json.Problem(
            await Post($"{Base}/sessions/{session.Id()}/check-in", new { evidence = "Organizer" }, ETag(session)),
            HttpStatusCode.Conflict,
            code: "check_in_not_open"
        );
        Clock.Set(Nine.AddMinutes(5));
        await Json.Problem(
            await Post(
                $"{Base}/sessions/{session.Id()}/check-in",
                new { evidence = "SiteCode", code = "000000" },
                ETag(session)
            ),
            HttpStatusCode.Conflict,
            code: "site_code_wrong"
        );
        var code = (await Json.Read(await Get($"{Base}/activities/{activity.Id()}/site-code"), HttpStatusCode.OK)).Str(
            "code"
        );
        await Json.Problem(
            await Post($"{Base}/sessions/{session.Id()}/check-in", new { evidence = "Organizer" }, "\"9\""),
            HttpStatusCode.PreconditionFailed
        );
        var checkedIn = await Json.Read(
            await Post($"{Base}/sessions/{session.Id()}/check-in", new { evidence = "SiteCode", code }, ETag(session)),
            HttpStatusCode.OK
        );
        await Json.Problem(
            await Post($"{Base}/sessions/{session.Id()}/no-show", null, ETag(checkedIn)),
            HttpStatusCode.Conflict,
            code: "session_wrong_state"
        );

        // Left at 11:40: only 09:05–11:00 counts, 1 h 55 min, which rounds to 2 hours.
        Clock.Set(Nine.AddMinutes(160));
        var done = await Json.Read(
            await Post(
                $"{Base}/sessions/{session.Id()}/check-out",
                new { evidence = "ServedPerson", note = "养老服务站王奶奶确认" },
                ETag(checkedIn)
            ),
            HttpStatusCode.OK
        );
        var volunteer = await Json.Read(await Get($"{Base}/volunteers/{zhang.Id()}"), HttpStatusCode.OK);
        var certificate = await Json.Read(
            await Post($"{Base}/volunteers/{zhang.Id()}/certificates", null),
            HttpStatusCode.Created
        );
        var check = certificate.Str("checkCode");
        var typed = check[..4].ToLowerInvariant() + "-" + check[4..];
        var publicCheck = await Anonymous.GetAsync($"{Base}/public/certificates/{typed}");
        var checkedCertificate = await Json.Read(publicCheck, HttpStatusCode.OK);
        var wrong = check[..^1] + (check[^1] == 'A' ? 'B' : 'A');

        Assert.Multiple(() =>
        {
            Assert.That(done.Str("state"), Is.EqualTo("Completed"));
            Assert.That(done.GetProperty("creditedHours").GetDecimal(), Is.EqualTo(2m));
            Assert.That(done.Str("checkInEvidence"), Is.EqualTo("SiteCode"));
            Assert.That(done.Str("checkOutEvidence"), Is.EqualTo("ServedPerson"));
            Assert.That(done.Str("evidenceNote"), Does.Contain("王奶奶"));
            Assert.That(volunteer.GetProperty("volunteer").GetProperty("totalHours").GetDecimal(), Is.EqualTo(2m));
            Assert.That(volunteer.GetProperty("volunteer").GetProperty("starLevel").GetInt32(), Is.EqualTo(1));
            Assert.That(certificate.GetProperty("totalHours").GetDecimal(), Is.EqualTo(2m));
            Assert.That(checkedCertificate.Str("nameMasked"), Is.EqualTo("张*英"));
            Assert.That(checkedCertificate.GetProperty("starLevel").GetInt32(), Is.EqualTo(1));
            Assert.That(checkedCertificate.ToString(), Does.Not.Contain("张秀英").And.Not.Contain("1391"));
            Assert.That(publicCheck.Headers.CacheControl?.NoStore, Is.True);
        });
        await Json.Problem(await Anonymous.GetAsync($"{Base}/public/certificates/{wrong}"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Phones_are_masked_in_every_answer_and_export_and_revealed_only_with_a_reason()
    {
        var (_, community) = await Community("和平");
        var wang = await Resident(community, "王淑芬", "13712345678");
        var team = await Json.Read(
            await Post(
                $"{Base}/teams",
                new
                {
                    organizationId = community,
                    name = "红色助老服务队",
                    skills = new[] { "助老" },
                }
            ),
            HttpStatusCode.Created
        );
        var joined = await Json.Read(
            await Post($"{Base}/teams/{team.Id()}/members", new { volunteerId = wang.Id() }, "\"1\""),
            HttpStatusCode.OK
        );
        await Json.Problem(
            await Post($"{Base}/teams/{team.Id()}/members", new { volunteerId = wang.Id() }, ETag(joined)),
            HttpStatusCode.Conflict,
            code: "team_member_exists"
        );
        var led = await Json.Read(
            await Post($"{Base}/teams/{team.Id()}/leader", new { volunteerId = wang.Id() }, ETag(joined)),
            HttpStatusCode.OK
        );
        var teamDetails = await Json.Read(await Get($"{Base}/teams/{team.Id()}"), HttpStatusCode.OK);
        var list = await Json.Read(await Get($"{Base}/volunteers?organizationId={community}"), HttpStatusCode.OK);
        var csv = await (
            await Get($"{Base}/volunteers/export?organizationId={community}&format=Csv")
        ).Content.ReadAsStringAsync();
        var teamsCsv = await (
            await Get($"{Base}/teams/export?organizationId={community}&format=Csv")
        ).Content.ReadAsStringAsync();
        await Json.Problem(
            await Post($"{Base}/volunteers/{wang.Id()}/reveal", new { reason = "短" }),
            HttpStatusCode.BadRequest,
            field: "reason"
        );
        var revealed = await Json.Read(
            await Post($"{Base}/volunteers/{wang.Id()}/reveal", new { reason = "通知参加周六助老活动" }),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(wang.Str("phoneMasked"), Is.EqualTo("137****5678"));
            Assert.That(wang.ToString(), Does.Not.Contain("13712345678"));
            Assert.That(list.ToString(), Does.Not.Contain("13712345678").And.Contain("137****5678"));
            Assert.That(teamDetails.ToString(), Does.Not.Contain("13712345678"));
            Assert.That(csv, Does.Not.Contain("13712345678").And.Contain("王淑芬"));
            Assert.That(teamsCsv, Does.Contain("红色助老服务队").And.Contain("王淑芬"));
            Assert.That(led.Str("leaderName"), Is.EqualTo("王淑芬"));
            Assert.That(led.GetProperty("memberCount").GetInt32(), Is.EqualTo(1));
            Assert.That(revealed.Str("phone"), Is.EqualTo("13712345678"));
        });
    }

    [Test]
    public async Task A_late_entry_counts_only_once_another_coordinator_approves_it_and_sessions_never_overlap()
    {
        var (_, community) = await Community("立新");
        var zhao = await Resident(community, "赵建国", "13611112222");
        var past = await Activity(community, Nine, 3, quota: 10);
        var overlapping = await Activity(community, Nine.AddHours(1), 2, quota: 10);
        await Json.Problem(
            await Post(
                $"{Base}/activities/{past.Id()}/late-entries",
                new
                {
                    volunteerId = zhao.Id(),
                    checkedInAt = Nine,
                    checkedOutAt = Nine.AddMinutes(100),
                    evidence = "Organizer",
                    reason = "当日签到系统故障，组织者事后补录",
                }
            ),
            HttpStatusCode.Conflict,
            code: "late_entry_not_past"
        );
        Clock.Set(Nine.AddDays(2));
        await SignInAgain();
        var entry = await Json.Read(
            await Post(
                $"{Base}/activities/{past.Id()}/late-entries",
                new
                {
                    volunteerId = zhao.Id(),
                    checkedInAt = Nine,
                    checkedOutAt = Nine.AddMinutes(100),
                    evidence = "Organizer",
                    reason = "当日签到系统故障，组织者事后补录",
                }
            ),
            HttpStatusCode.Created
        );
        await Json.Problem(
            await Post(
                $"{Base}/activities/{overlapping.Id()}/late-entries",
                new
                {
                    volunteerId = zhao.Id(),
                    checkedInAt = Nine.AddHours(1),
                    checkedOutAt = Nine.AddHours(2),
                    evidence = "Organizer",
                    reason = "同一时段另一活动补录",
                }
            ),
            HttpStatusCode.Conflict,
            code: "session_overlaps"
        );
        var waiting = await Json.Read(await Get($"{Base}/late-entries"), HttpStatusCode.OK);
        await Json.Problem(
            await Post($"{Base}/sessions/{entry.Id()}/approve", new { note = "同意" }, ETag(entry)),
            HttpStatusCode.Conflict,
            code: "late_entry_self_approval"
        );

        var username = Unique("coordinator");
        await Json.Read(
            await Post(
                "/api/v1/users",
                new NewUser(username, "协调员", "Coordinator-Password-1", ["VolunteerCoordinator"])
            ),
            HttpStatusCode.Created
        );
        var coordinator = await SignedInClient(username, "Coordinator-Password-1");
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Base}/sessions/{entry.Id()}/approve")
        {
            Content = JsonContent.Create(new { note = "核实签到表后同意" }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ETag(entry));
        var approved = await Json.Read(await coordinator.SendAsync(request), HttpStatusCode.OK);
        var volunteer = await Json.Read(await Get($"{Base}/volunteers/{zhao.Id()}"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(entry.Str("state"), Is.EqualTo("PendingApproval"));
            Assert.That(waiting.GetProperty("items").EnumerateArray().Select(i => i.Id()), Does.Contain(entry.Id()));
            Assert.That(approved.Str("state"), Is.EqualTo("Completed"));
            // 1 h 40 min: the 40 minutes round to half an hour.
            Assert.That(approved.GetProperty("creditedHours").GetDecimal(), Is.EqualTo(1.5m));
            Assert.That(volunteer.GetProperty("volunteer").GetProperty("totalHours").GetDecimal(), Is.EqualTo(1.5m));
        });
    }

    [Test]
    public async Task Another_regions_teams_volunteers_and_activities_are_404_and_absent_from_lists()
    {
        var (regionA, communityA) = await Community("甲");
        var (_, communityB) = await Community("乙");
        var volunteerB = await Resident(communityB, "乙居民", "13500001234");
        var activityB = await Activity(communityB, Nine, 2, quota: 5);
        var teamB = await Json.Read(
            await Post($"{Base}/teams", new { organizationId = communityB, name = "乙服务队" }),
            HttpStatusCode.Created
        );
        await Resident(communityA, "甲居民", "13500005678");
        var username = Unique("scoped-coordinator");
        await Json.Read(
            await Post(
                "/api/v1/users",
                new NewUser(username, "甲协调员", "Coordinator-Password-1", ["VolunteerCoordinator"], regionA)
            ),
            HttpStatusCode.Created
        );
        var scoped = await SignedInClient(username, "Coordinator-Password-1");
        var volunteers = await Json.Read(await scoped.GetAsync($"{Base}/volunteers"), HttpStatusCode.OK);
        var activities = await Json.Read(await scoped.GetAsync($"{Base}/activities"), HttpStatusCode.OK);
        var teams = await Json.Read(await scoped.GetAsync($"{Base}/teams"), HttpStatusCode.OK);
        var export = await (await scoped.GetAsync($"{Base}/volunteers/export?format=Csv")).Content.ReadAsStringAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(
                (await scoped.GetAsync($"{Base}/volunteers/{volunteerB.Id()}")).StatusCode,
                Is.EqualTo(HttpStatusCode.NotFound)
            );
            Assert.That(
                (await scoped.GetAsync($"{Base}/activities/{activityB.Id()}")).StatusCode,
                Is.EqualTo(HttpStatusCode.NotFound)
            );
            Assert.That(
                (await scoped.GetAsync($"{Base}/teams/{teamB.Id()}")).StatusCode,
                Is.EqualTo(HttpStatusCode.NotFound)
            );
            Assert.That(
                (
                    await scoped.PostAsJsonAsync(
                        $"{Base}/activities/{activityB.Id()}/sign-ups",
                        new { volunteerId = volunteerB.Id() }
                    )
                ).StatusCode,
                Is.EqualTo(HttpStatusCode.NotFound)
            );
            Assert.That(volunteers.ToString(), Does.Contain("甲居民").And.Not.Contain("乙居民"));
            Assert.That(export, Does.Contain("甲居民").And.Not.Contain("乙居民"));
            Assert.That(
                activities.GetProperty("items").EnumerateArray().Select(a => a.Id()),
                Does.Not.Contain(activityB.Id())
            );
            Assert.That(teams.ToString(), Does.Not.Contain("乙服务队"));
        });
    }
}
