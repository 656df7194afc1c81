using System.Net;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Members;

/// <summary>Organization life, the yearly lists and the statistics. The test clock's today is 2026-06-15.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class MemberListsTests(DatabaseProvider provider) : ApiTest(provider)
{
    private async Task<Guid> Member(
        Guid organizationId,
        string name,
        string birth,
        string stage,
        string? joinedOn,
        string? fullMemberOn = null,
        string category = "InService",
        string education = "Bachelor"
    ) =>
        await RegisterMember(
            new NewMember
            {
                OrganizationId = organizationId,
                Name = name,
                IdNumber = TestIdNumbers.For(birth),
                Category = category,
                Education = education,
                Stage = stage,
                JoinedOn = joinedOn,
                FullMemberOn = fullMemberOn,
            }
        );

    private async Task<string[]> Names(string url) =>
        (await Json.Read(await Get(url), HttpStatusCode.OK))
            .GetProperty("items")
            .EnumerateArray()
            .Select(m => m.Str("name"))
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Test]
    public async Task Medal_candidates_have_fifty_years_of_standing_on_1_July_counted_from_conversion()
    {
        var branch = (await CreateOrganization(Unique("老党员党支部"))).Id();
        await Member(branch, "六月三十日转正", "1940-01-01", "Full", "1975-06-30", "1976-06-30");
        await Member(branch, "七月一日转正", "1940-01-01", "Full", "1975-07-01", "1976-07-01");
        await Member(branch, "七月二日转正", "1940-01-01", "Full", "1975-07-02", "1976-07-02");
        var candidates = await Names($"/api/v1/members/lists/MedalCandidates?organizationId={branch}&year=2026");
        Assert.That(
            candidates,
            Is.EqualTo(new[] { "七月一日转正", "六月三十日转正" }.Order(StringComparer.Ordinal).ToArray()),
            "on 1 July 2026 fifty years of standing needs conversion on or before 1 July 1976"
        );
    }

    [Test]
    public async Task Political_birthdays_lost_contact_and_expiring_probations()
    {
        var branch = (await CreateOrganization(Unique("名单党支部"))).Id();
        var june = await Member(branch, "六月入党", "1980-01-01", "Full", "2000-06-20", "2001-06-20");
        await Member(branch, "七月入党", "1980-01-01", "Full", "2000-07-20", "2001-07-20");
        var dueSoon = await Member(branch, "预备期将满", "1995-01-01", "Probationary", "2025-06-30");
        await Member(branch, "刚入党", "1996-01-01", "Probationary", "2026-03-01");

        var birthdays = await Json.Read(
            await Get($"/api/v1/members/lists/PoliticalBirthdays?organizationId={branch}&month=6&year=2026"),
            HttpStatusCode.OK
        );
        var expiring = await Names($"/api/v1/members/lists/ExpiringProbations?organizationId={branch}&withinDays=30");
        Assert.Multiple(() =>
        {
            Assert.That(
                birthdays.GetProperty("items").EnumerateArray().Select(m => m.Str("name")),
                Is.EqualTo(new[] { "六月入党", "预备期将满" })
            );
            Assert.That(birthdays.GetProperty("items")[0].Str("date"), Is.EqualTo("2026-06-20"));
            Assert.That(birthdays.GetProperty("items")[0].GetProperty("years").GetInt32(), Is.EqualTo(26));
            Assert.That(expiring, Is.EqualTo(new[] { "预备期将满" }));
        });

        // Organization life: attending moves the last date; six
        // months without it puts a member on the lost-contact list.
        var meeting = await Post(
            "/api/v1/members/meetings",
            new
            {
                organizationId = branch,
                kind = "GeneralMeeting",
                heldOn = "2025-11-01",
                topic = "主题党日",
                attendeeIds = new[] { june, dueSoon },
            }
        );
        await Json.Read(meeting, HttpStatusCode.Created);
        await Json.Read(
            await Post(
                "/api/v1/members/meetings",
                new
                {
                    organizationId = branch,
                    kind = "PartyLecture",
                    heldOn = "2026-06-01",
                    attendeeIds = new[] { dueSoon },
                }
            ),
            HttpStatusCode.Created
        );
        var member = await Json.Read(await Get($"/api/v1/members/{june}"), HttpStatusCode.OK);
        var lost = await Names($"/api/v1/members/lists/LostContact?organizationId={branch}");
        var meetings = await Json.Read(
            await Get($"/api/v1/members/meetings?organizationId={branch}"),
            HttpStatusCode.OK
        );
        var oldestFirst = await Json.Read(
            await Get($"/api/v1/members/meetings?organizationId={branch}&sort=heldOn"),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(member.Str("lastOrganizationLifeOn"), Is.EqualTo("2025-11-01"));
            Assert.That(
                lost,
                Is.EqualTo(new[] { "六月入党" }),
                "last attended 2025-11-01, more than six months before 2026-06-15; the others were registered today"
            );
            Assert.That(meetings.GetProperty("total").GetInt64(), Is.EqualTo(2));
            Assert.That(meetings.GetProperty("items")[0].Str("heldOn"), Is.EqualTo("2026-06-01"));
            Assert.That(oldestFirst.GetProperty("items")[0].Str("heldOn"), Is.EqualTo("2025-11-01"));
        });
        var outsider = await Member(
            (await CreateOrganization(Unique("别的党支部"))).Id(),
            "外支部党员",
            "1980-01-01",
            "Full",
            "2000-01-01",
            "2001-01-01"
        );
        await Json.Problem(
            await Post(
                "/api/v1/members/meetings",
                new
                {
                    organizationId = branch,
                    kind = "GroupMeeting",
                    heldOn = "2026-06-01",
                    attendeeIds = new[] { outsider },
                }
            ),
            HttpStatusCode.BadRequest,
            field: "attendeeIds"
        );
    }

    [Test]
    public async Task Statistics_count_the_register_and_the_shares_of_a_years_admissions()
    {
        var branch = (await CreateOrganization(Unique("统计党支部"))).Id();
        // Admitted in 2025: under 35 with a degree in service; under 35 farmer without; 40 retired with a degree.
        await Member(
            branch,
            "甲",
            "1995-05-05",
            "Probationary",
            "2025-07-01",
            category: "InService",
            education: "Bachelor"
        );
        await Member(
            branch,
            "乙",
            "1998-05-05",
            "Probationary",
            "2025-08-01",
            category: "Farmer",
            education: "SeniorHigh"
        );
        await Member(
            branch,
            "丙",
            "1985-01-01",
            "Probationary",
            "2025-09-01",
            category: "Retired",
            education: "Master"
        );
        await Member(
            branch,
            "丁",
            "1950-01-01",
            "Full",
            "1980-01-01",
            "1981-01-01",
            category: "Retired",
            education: "JuniorHigh"
        );
        var stats = await Json.Read(
            await Get($"/api/v1/members/stats?organizationId={branch}&admittedYear=2025"),
            HttpStatusCode.OK
        );
        var admissions = stats.GetProperty("admissions");
        long Count(string property, string key) =>
            stats
                .GetProperty(property)
                .EnumerateArray()
                .Where(c => c.Str("key") == key)
                .Sum(c => c.GetProperty("count").GetInt64());
        Assert.Multiple(() =>
        {
            Assert.That(stats.GetProperty("members").GetInt64(), Is.EqualTo(4));
            Assert.That(Count("byStage", "Probationary"), Is.EqualTo(3));
            Assert.That(Count("byAgeBand", "71+"), Is.EqualTo(1));
            Assert.That(Count("byAgeBand", "30-"), Is.EqualTo(1), "乙, 28");
            Assert.That(Count("byAgeBand", "31-35"), Is.EqualTo(1), "甲, 31");
            Assert.That(Count("byEducation", "Master"), Is.EqualTo(1));
            Assert.That(
                (Count("byCategory", "Retired"), Count("byCategory", "InService"), Count("byCategory", "Farmer")),
                Is.EqualTo((2L, 1L, 1L))
            );
            Assert.That((Count("byGender", "Male"), Count("byGender", "Female")), Is.EqualTo((4L, 0L)));
            Assert.That(Count("byStatus", "Active"), Is.EqualTo(4));
            Assert.That(admissions.GetProperty("admitted").GetInt64(), Is.EqualTo(3));
            Assert.That(admissions.GetProperty("aged35OrUnderShare").GetDecimal(), Is.EqualTo(66.7m));
            Assert.That(admissions.GetProperty("collegeShare").GetDecimal(), Is.EqualTo(66.7m));
            Assert.That(admissions.GetProperty("frontLineShare").GetDecimal(), Is.EqualTo(66.7m));
        });
    }

    [Test]
    public async Task A_member_who_died_leaves_the_medal_list_and_the_statistics_but_stays_on_record()
    {
        var branch = (await CreateOrganization(Unique("老党员去世党支部"))).Id();
        await Member(branch, "健在老党员", "1940-01-01", "Full", "1960-07-01", "1961-07-01");
        // Birthday and conversion anniversary fall between the death (1 May)
        // and today (15 June): counted to the death, both are a year less.
        var died = await Member(branch, "已故老党员", "1940-06-01", "Full", "1960-06-01", "1961-06-01");
        var lateEntry = await Member(branch, "后登记困难的老党员", "1940-01-01", "Full", "1960-07-01", "1961-07-01");
        await Json.Read(
            await Post($"/api/v1/members/{lateEntry}/hardships", new { category = "Illness", since = "2026-05-10" }),
            HttpStatusCode.Created
        );
        var leaving = await Member(branch, "待转出老党员", "1940-01-01", "Full", "1960-07-01", "1961-07-01");
        await Json.Read(
            await Post($"/api/v1/members/{died}/hardships", new { category = "Elderly", since = "2026-01-01" }),
            HttpStatusCode.Created
        );
        await Json.Read(
            await Post(
                $"/api/v1/members/{leaving}/transfers",
                new { toExternal = "外省某党委", letterNumber = Unique("去世前转出") }
            ),
            HttpStatusCode.Created
        );
        var (_, etag) = await GetWithETag($"/api/v1/members/{died}");
        var (_, leavingEtag) = await GetWithETag($"/api/v1/members/{leaving}");

        await Json.Problem(
            await Post($"/api/v1/members/{died}/death", new { diedOn = "2026-05-01" }, "\"99\""),
            HttpStatusCode.PreconditionFailed
        );
        await Json.Problem(
            await Post($"/api/v1/members/{died}/death", new { diedOn = "2026-06-16" }, etag),
            HttpStatusCode.BadRequest,
            field: "diedOn"
        );
        await Json.Problem(
            await Post($"/api/v1/members/{died}/death", new { diedOn = "1940-05-31" }, etag),
            HttpStatusCode.BadRequest,
            field: "diedOn"
        );
        await Json.Problem(
            await Post($"/api/v1/members/{leaving}/death", new { diedOn = "2026-05-01" }, leavingEtag),
            HttpStatusCode.Conflict,
            code: "transfer_pending"
        );
        var recorded = await Post($"/api/v1/members/{died}/death", new { diedOn = "2026-05-01" }, etag);
        var member = await Json.Read(recorded, HttpStatusCode.OK);
        await Json.Problem(
            await Post($"/api/v1/members/{died}/death", new { diedOn = "2026-05-01" }, recorded.Headers.ETag!.Tag),
            HttpStatusCode.Conflict,
            code: "member_not_active"
        );
        await Json.Problem(
            await Post($"/api/v1/members/{died}/hardships", new { category = "Elderly", since = "2026-05-02" }),
            HttpStatusCode.Conflict,
            code: "member_not_active"
        );
        var (_, lateEtag) = await GetWithETag($"/api/v1/members/{lateEntry}");
        await Json.Read(
            await Post($"/api/v1/members/{lateEntry}/death", new { diedOn = "2026-05-01" }, lateEtag),
            HttpStatusCode.OK
        );
        var lateHardship = (await Json.Read(await Get($"/api/v1/members/{lateEntry}/hardships"), HttpStatusCode.OK))
            .EnumerateArray()
            .Single();
        await using var services = Factory.Services.CreateAsyncScope();
        var door = services.ServiceProvider.GetRequiredService<Jiceng.Modules.Members.Contracts.IMemberHardships>();
        var whileAlive = await door.OnAsync(
            died,
            new DateOnly(2026, 4, 1),
            DataScope.WholeTree,
            CancellationToken.None
        );
        var afterDeath = await door.OnAsync(
            died,
            new DateOnly(2026, 6, 1),
            DataScope.WholeTree,
            CancellationToken.None
        );

        var medal = await Names($"/api/v1/members/lists/MedalCandidates?organizationId={branch}&year=2026");
        var stats = await Json.Read(await Get($"/api/v1/members/stats?organizationId={branch}"), HttpStatusCode.OK);
        var hardship = (await Json.Read(await Get($"/api/v1/members/{died}/hardships"), HttpStatusCode.OK))
            .EnumerateArray()
            .Single();
        var pipeline = await Json.Read(await Get($"/api/v1/members/{died}/pipeline"), HttpStatusCode.OK);
        var audit = await Json.Read(await Get($"/api/v1/audit?entityId={died}&action=RecordDeath"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That((member.Str("status"), member.Str("diedOn")), Is.EqualTo(("Deceased", "2026-05-01")));
            Assert.That(
                member.GetProperty("partyStandingYears").GetInt32(),
                Is.EqualTo(64),
                "standing stops at death: 1961-06-01 to 2026-05-01 (65 today)"
            );
            Assert.That(member.GetProperty("age").GetInt32(), Is.EqualTo(85), "86 today");
            Assert.That(
                lateHardship.Str("until"),
                Is.EqualTo("2026-05-10"),
                "an entry begun after a death recorded late ends on its own first day"
            );
            Assert.That(
                whileAlive?.Category,
                Is.EqualTo("Elderly"),
                "the care fund's door still sees the hardship of a day before the death"
            );
            Assert.That(afterDeath, Is.Null);
            Assert.That(
                medal,
                Is.EqualTo(new[] { "健在老党员", "待转出老党员" }.Order(StringComparer.Ordinal).ToArray()),
                "光荣在党50年 is for the living"
            );
            Assert.That(stats.GetProperty("members").GetInt64(), Is.EqualTo(2));
            Assert.That(
                stats
                    .GetProperty("byStatus")
                    .EnumerateArray()
                    .Single(c => c.Str("key") == "Deceased")
                    .GetProperty("count")
                    .GetInt64(),
                Is.EqualTo(2)
            );
            Assert.That(
                (hardship.Str("until"), hardship.GetProperty("current").GetBoolean()),
                Is.EqualTo(("2026-05-01", false)),
                "an open hardship entry ends that day"
            );
            Assert.That(pipeline.GetProperty("next").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
            Assert.That(audit.GetProperty("total").GetInt64(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_death_racing_a_transfer_letter_never_both_succeed()
    {
        var branch = (await CreateOrganization(Unique("并发去世党支部"))).Id();
        for (var i = 0; i < 5; i++)
        {
            var member = await Member(branch, $"并发{i}", "1950-01-01", "Full", "1975-07-01", "1976-07-01");
            var (_, etag) = await GetWithETag($"/api/v1/members/{member}");
            var responses = await Task.WhenAll(
                Post($"/api/v1/members/{member}/death", new { diedOn = "2026-06-01" }, etag),
                Post(
                    $"/api/v1/members/{member}/transfers",
                    new { toExternal = "外省某党委", letterNumber = Unique("并发转") }
                )
            );
            var record = await Json.Read(await Get($"/api/v1/members/{member}"), HttpStatusCode.OK);
            var letters = await Json.Read(
                await Get("/api/v1/members/transfers?direction=Outbox&status=Pending&pageSize=200&sort=-issuedOn"),
                HttpStatusCode.OK
            );
            var pending = letters
                .GetProperty("items")
                .EnumerateArray()
                .Count(l => l.GetProperty("memberId").GetGuid() == member);
            Assert.Multiple(() =>
            {
                Assert.That(responses.Count(r => r.IsSuccessStatusCode), Is.EqualTo(1), "one of the two wins");
                Assert.That(
                    responses.Where(r => !r.IsSuccessStatusCode).Select(r => (int)r.StatusCode),
                    Is.All.AnyOf(409, 412),
                    "the other is refused, never a 500"
                );
                Assert.That(
                    record.Str("status") == "Deceased" ^ pending == 1,
                    Is.True,
                    "dead or leaving with a letter, not both"
                );
            });
        }
    }
}
