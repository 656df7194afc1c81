using System.Net;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Calendar;

/// <summary>
/// The official working-day calendar through the API and through the notice period it decides. The test clock's
/// today is 2026-06-15, so 2027 is the next year and the latest that may be entered.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class WorkingCalendarApiTests(DatabaseProvider provider) : ApiTest(provider)
{
    private Guid _branch;
    private Guid[] _introducers = [];

    [OneTimeSetUp]
    public async Task CreateBranchAndIntroducers()
    {
        _branch = (await CreateOrganization(Unique("公示党支部"), field: "Village")).Id();
        _introducers = [await Member("介绍人甲", "Full"), await Member("介绍人乙", "Full")];
    }

    private async Task<Guid> Member(string name, string stage)
    {
        var body = new
        {
            organizationId = _branch,
            name,
            idNumber = TestIdNumbers.For("1990-01-01"),
            category = "Farmer",
            stage,
            appliedOn = stage == "Activist" ? "2023-01-10" : null,
            activistOn = stage == "Activist" ? "2023-09-01" : null,
            joinedOn = stage == "Full" ? "2020-01-01" : null,
            fullMemberOn = stage == "Full" ? "2021-01-01" : null,
        };
        return (await Json.Read(await Post("/api/v1/members", body), HttpStatusCode.Created)).Id();
    }

    private Task<HttpResponseMessage> Nominate(Guid activist, string noticeFrom, string noticeTo) =>
        Post(
            $"/api/v1/members/{activist}/pipeline/candidate",
            new
            {
                decidedOn = "2025-10-20",
                introducerIds = _introducers,
                politicalReviewOn = "2025-09-01",
                trainingHours = 24,
                noticeFrom,
                noticeTo,
            }
        );

    [Test]
    public async Task A_notice_over_Golden_Week_2025_has_no_working_day_and_make_up_days_count()
    {
        var activist = await Member("国庆公示", "Activist");
        var golden = await Json.Problem(
            await Nominate(activist, "2025-10-01", "2025-10-07"),
            HttpStatusCode.Conflict,
            code: "notice_too_short"
        );
        Assert.That(golden.Str("detail"), Does.Contain("本次 0 个"));
        // Sunday 28 September and Saturday 11 October were worked: 28, 29, 30 Sept, 9, 10, 11 Oct = 6.
        var accepted = await Json.Read(await Nominate(activist, "2025-09-28", "2025-10-11"), HttpStatusCode.OK);
        var step = accepted.GetProperty("steps").EnumerateArray().Last();
        Assert.That(step.GetProperty("details").GetProperty("noticeWorkingDays").GetInt32(), Is.EqualTo(6));
    }

    [Test]
    public async Task A_notice_in_a_year_without_a_calendar_is_409_naming_the_year()
    {
        var activist = await Member("明年公示", "Activist");
        var problem = await Json.Problem(
            await Nominate(activist, "2019-12-30", "2020-01-10"),
            HttpStatusCode.Conflict,
            code: "calendar_year_missing"
        );
        Assert.That(problem.GetProperty("year").GetInt32(), Is.EqualTo(2019));
    }

    [Test]
    public async Task The_calendar_lists_2020_to_2026_and_shows_a_year_with_its_notice()
    {
        var years = await Json.Read(await Get("/api/v1/calendar"), HttpStatusCode.OK);
        var (year, etag) = await GetWithETag("/api/v1/calendar/2025");
        Assert.Multiple(() =>
        {
            Assert.That(
                years.GetProperty("items").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()),
                Is.SupersetOf(new[] { 2026, 2025, 2024, 2023, 2022, 2021, 2020 })
            );
            Assert.That(year.Str("notice"), Does.Contain("2024"));
            Assert.That(
                year.GetProperty("holidays").EnumerateArray().Select(d => d.Str("on")),
                Does.Contain("2025-10-08")
            );
            Assert.That(
                year.GetProperty("workingDays").EnumerateArray().Select(d => d.Str("on")),
                Is.EqualTo(new[] { "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11" })
            );
            Assert.That(etag, Is.Not.Empty);
        });
        await Json.Problem(await Get("/api/v1/calendar/2019"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task An_administrator_enters_next_year_then_corrects_it_with_if_match_and_both_are_audited()
    {
        // 2027 is entered in a fixture of its own database: the next year as far as the clock knows.
        var body = new
        {
            notice = "国务院办公厅关于2027年部分节假日安排的通知（测试）",
            holidays = new[] { new { on = "2027-01-01", name = "元旦" }, new { on = "2027-02-08", name = "春节" } },
            workingDays = new[] { new { on = "2027-02-06", name = "春节调休" } },
        };
        var created = await Put("/api/v1/calendar/2027", body, null);
        var calendar = await Json.Read(created, HttpStatusCode.Created);
        var again = await Put("/api/v1/calendar/2027", body, null);
        await Json.Problem(again, HttpStatusCode.Conflict, code: "calendar_year_exists");
        var etag = created.Headers.ETag!.Tag;

        var corrected = new
        {
            notice = body.notice,
            holidays = new[] { new { on = "2027-01-01", name = "元旦" } },
            workingDays = Array.Empty<object>(),
        };
        var updated = await Json.Read(await Put("/api/v1/calendar/2027", corrected, etag), HttpStatusCode.OK);
        await Json.Problem(await Put("/api/v1/calendar/2027", corrected, etag), HttpStatusCode.PreconditionFailed);

        // The next notice period over the year boundary now counts: 2026-12-28 (Monday) to 2027-01-08.
        var activist = await Member("跨年公示", "Activist");
        var nominated = await Json.Read(await Nominate(activist, "2026-12-28", "2027-01-08"), HttpStatusCode.OK);
        var audit = await Json.Read(
            await Get("/api/v1/audit?action=RecordCalendarYear&entityId=2027"),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(calendar.GetProperty("holidays").GetArrayLength(), Is.EqualTo(2));
            Assert.That(updated.GetProperty("workingDays").GetArrayLength(), Is.EqualTo(0));
            Assert.That(updated.GetProperty("version").GetInt64(), Is.EqualTo(2));
            // 28–31 December (4) and 4–8 January (5): 1 January is the only holiday entered.
            Assert.That(
                nominated
                    .GetProperty("steps")
                    .EnumerateArray()
                    .Last()
                    .GetProperty("details")
                    .GetProperty("noticeWorkingDays")
                    .GetInt32(),
                Is.EqualTo(9)
            );
            Assert.That(audit.GetProperty("total").GetInt64(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_year_past_the_next_and_bad_dates_are_refused_on_their_fields()
    {
        var tooFar = await Put(
            "/api/v1/calendar/2028",
            new
            {
                notice = "2028",
                holidays = Array.Empty<object>(),
                workingDays = Array.Empty<object>(),
            },
            null
        );
        await Json.Problem(tooFar, HttpStatusCode.Conflict, code: "calendar_year_too_far");

        var bad = await Put(
            "/api/v1/calendar/2027",
            new
            {
                notice = "",
                holidays = new[] { new { on = "2026-12-31", name = "元旦" }, new { on = "2027-10-01", name = "" } },
                workingDays = new[]
                {
                    new { on = "2027-01-04", name = "调休" },
                    new { on = "2027-10-01", name = "调休" },
                },
            },
            null
        );
        var problem = await Json.Problem(bad, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.That(
            errors.EnumerateObject().Select(e => e.Name),
            Is.SupersetOf(new[] { "notice", "holidays[0]", "holidays[1].name", "workingDays[0].on", "workingDays[1]" }),
            errors.ToString()
        );
    }

    [Test]
    public async Task Only_a_system_administrator_may_enter_the_calendar()
    {
        var region = await CreateOrganization(Unique("日历区委"), kind: "Committee", field: "Government");
        await Json.Read(
            await Post(
                "/api/v1/users",
                new
                {
                    username = "calendar-org-admin",
                    displayName = "组织管理员",
                    password = "Calendar-Admin-Password-1",
                    roles = new[] { "OrganizationAdmin" },
                    scopeOrganizationId = region.Id(),
                }
            ),
            HttpStatusCode.Created
        );
        using var organizationAdmin = await SignedInClient("calendar-org-admin", "Calendar-Admin-Password-1");
        var (_, etag) = await GetWithETag("/api/v1/calendar/2026");
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/calendar/2026")
        {
            Content = new StringContent(
                JsonSerializer.Serialize(
                    new
                    {
                        notice = "篡改",
                        holidays = Array.Empty<object>(),
                        workingDays = Array.Empty<object>(),
                    }
                ),
                System.Text.Encoding.UTF8,
                "application/json"
            ),
        };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        var refused = await organizationAdmin.SendAsync(request);
        var read = await organizationAdmin.GetAsync("/api/v1/calendar/2026");
        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK), "everyone reads it");
        });
    }
}
