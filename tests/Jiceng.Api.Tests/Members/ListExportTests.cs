using System.Net;
using System.Text;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;
using MiniExcelLibs;

namespace Jiceng.Tests.Members;

/// <summary>
/// Every Members list exports to .xlsx and .csv with the list's own filters, whole (past the 200-row page), in the
/// request's language, with a header row even when empty. Today is 2026-06-15.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class ListExportTests(DatabaseProvider provider) : ApiTest(provider)
{
    private async Task<Guid> Member(
        Guid organizationId,
        string name,
        string joinedOn,
        string fullMemberOn,
        string category = "InService"
    ) =>
        await RegisterMember(
            NewMember.Full(organizationId, name, "1950-02-02", joinedOn, fullMemberOn, category) with
            {
                Phone = "13912345678",
            }
        );

    private async Task<List<IDictionary<string, object?>>> Sheet(string url)
    {
        var response = await Get(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType!.MediaType, Does.Contain("spreadsheetml"));
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }

    private async Task<string[]> CsvLines(string url, string? language = null)
    {
        var response = await Get(url, language);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        return Encoding
            .UTF8.GetString(await response.Content.ReadAsByteArrayAsync())
            .TrimStart('\uFEFF')
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    [Test]
    public async Task A_yearly_list_exports_whole_past_the_page_limit_with_its_dates_and_years()
    {
        // 201 members who joined in June, imported in one file: more than any page holds.
        var branch = (await CreateOrganization(Unique("名单导出党支部"))).Id();
        var csv = new StringBuilder("姓名,公民身份号码,人员类别,发展阶段,入党日期,转正日期\n");
        for (var i = 0; i < 201; i++)
        {
            csv.Append(
                $"六月党员{i:000},{TestIdNumbers.For("1960-05-05")},农民,正式党员,"
                    + $"1986-06-{i % 28 + 1:00},1987-06-{i % 28 + 1:00}\n"
            );
        }
        var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "file", "members.csv" },
        };
        await Json.Read(
            await Client.PostAsync($"/api/v1/members/import?organizationId={branch}", upload),
            HttpStatusCode.OK
        );
        await Member(branch, "七月党员", "1986-07-01", "1987-07-01");

        var exportFiles = Directory.GetFiles(Path.GetTempPath(), "jiceng-export-*").Length;
        var rows = await Sheet(
            $"/api/v1/members/lists/PoliticalBirthdays/export?organizationId={branch}&month=6&year=2026"
        );
        var english = await CsvLines(
            $"/api/v1/members/lists/PoliticalBirthdays/export?organizationId={branch}&month=6&year=2026&format=Csv",
            "en-US"
        );
        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(201), "the whole list, not a page of it");
            Assert.That(rows.Select(r => r["姓名"]), Does.Not.Contain("七月党员"));
            Assert.That(rows[0]["政治生日"], Is.EqualTo("2026-06-01"), "in the list's order: by join date");
            Assert.That(Convert.ToInt32(rows[0]["入党年数"]), Is.EqualTo(40));
            Assert.That(rows[0]["发展阶段"], Is.EqualTo("正式党员"));
            Assert.That(
                english[0],
                Is.EqualTo("Name,Gender,Age,Organization,Stage,Anniversary,\"Years since joining\""),
                "headers with spaces are quoted"
            );
            Assert.That(english, Has.Length.EqualTo(202));
            // Files are written to a temporary file streamed to the client, which goes once sent.
            Assert.That(Directory.GetFiles(Path.GetTempPath(), "jiceng-export-*"), Has.Length.EqualTo(exportFiles));
        });
    }

    [Test]
    public async Task Medal_candidates_export_with_party_standing_and_an_empty_list_keeps_its_header()
    {
        var branch = (await CreateOrganization(Unique("老党员导出党支部"))).Id();
        await Member(branch, "七月一日转正", "1975-07-01", "1976-07-01");
        await Member(branch, "七月二日转正", "1975-07-02", "1976-07-02");

        var rows = await Sheet($"/api/v1/members/lists/MedalCandidates/export?organizationId={branch}&year=2026");
        var empty = await CsvLines($"/api/v1/members/lists/LostContact/export?organizationId={branch}&format=Csv");
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r["姓名"]), Is.EqualTo(new[] { "七月一日转正" }));
            Assert.That(rows[0]["转正日期"], Is.EqualTo("1976-07-01"));
            Assert.That(Convert.ToInt32(rows[0]["党龄（年）"]), Is.EqualTo(50));
            Assert.That(
                rows[0].Keys,
                Does.Not.Contain("公民身份号码").And.Not.Contain("联系电话"),
                "a yearly list carries no personal data"
            );
            Assert.That(empty, Is.EqualTo(new[] { "姓名,性别,年龄,所在党组织,发展阶段,最近组织生活" }));
        });
    }

    [Test]
    public async Task Transfers_meetings_and_community_reports_export_what_their_lists_show()
    {
        var branch = (await CreateOrganization(Unique("转出导出党支部"))).Id();
        var community = await CreateOrganization(Unique("导出报到社区"));
        var leaving = await Member(branch, "转出党员", "2000-07-01", "2001-07-01");
        var reporting = await Member(branch, "报到党员", "2000-07-01", "2001-07-01");
        var letterNumber = Unique("导出转〔2026〕");
        await Json.Read(
            await Post($"/api/v1/members/{leaving}/transfers", new { toExternal = "外省某党委", letterNumber }),
            HttpStatusCode.Created
        );
        var receiving = await CreateOrganization(Unique("接收导出党支部"));
        var inward = await Member(branch, "转入党员", "2000-07-01", "2001-07-01");
        var inwardLetter = Unique("导出转入〔2026〕");
        await Json.Read(
            await Post(
                $"/api/v1/members/{inward}/transfers",
                new { toOrganizationId = receiving.Id(), letterNumber = inwardLetter }
            ),
            HttpStatusCode.Created
        );
        await Json.Read(
            await Post(
                $"/api/v1/members/{reporting}/community-reports",
                new { communityOrganizationId = community.Id(), reportedOn = "2026-03-01" }
            ),
            HttpStatusCode.Created
        );
        await Json.Read(
            await Post(
                "/api/v1/members/meetings",
                new
                {
                    organizationId = branch,
                    kind = "GeneralMeeting",
                    heldOn = "2026-05-20",
                    topic = "学习党章",
                    attendeeIds = new[] { leaving, reporting },
                }
            ),
            HttpStatusCode.Created
        );

        var outbox = await Sheet("/api/v1/members/transfers/export?direction=Outbox&status=Pending");
        var inbox = await Sheet("/api/v1/members/transfers/export?direction=Inbox");
        var reports = await Sheet($"/api/v1/members/community-reports/export?communityOrganizationId={community.Id()}");
        var meetings = await Sheet($"/api/v1/members/meetings/export?organizationId={branch}");
        var meetingsInEnglish = await CsvLines(
            $"/api/v1/members/meetings/export?organizationId={branch}&format=Csv",
            "en-US"
        );
        var letter = outbox.Single(r => (string?)r["介绍信编号"] == letterNumber);
        Assert.Multiple(() =>
        {
            Assert.That(letter["姓名"], Is.EqualTo("转出党员"));
            Assert.That(letter["转入党组织"], Is.EqualTo("外省某党委"));
            Assert.That(letter["开具日期"], Is.EqualTo("2026-06-15"));
            Assert.That(letter["状态"], Is.EqualTo("待回执"));
            Assert.That(
                inbox.Select(r => r["介绍信编号"]),
                Does.Not.Contain(letterNumber),
                "a letter outside the system is in no inbox here"
            );
            var received = inbox.Single(r => (string?)r["介绍信编号"] == inwardLetter);
            Assert.That(
                (received["姓名"], received["转入党组织"], received["状态"]),
                Is.EqualTo(((object?)"转入党员", (object?)receiving.Str("name"), (object?)"待回执"))
            );
            Assert.That(
                reports.Select(r => (r["姓名"], r["报到社区"], r["报到日期"])),
                Is.EqualTo(new[] { ((object?)"报到党员", (object?)community.Str("name"), (object?)"2026-03-01") })
            );
            Assert.That(
                meetings.Select(r => (r["会议日期"], r["会议类型"], r["主题"], Convert.ToInt32(r["参会人数"]))),
                Is.EqualTo(new[] { ((object?)"2026-05-20", (object?)"支部党员大会", (object?)"学习党章", 2) })
            );
            Assert.That(
                meetingsInEnglish,
                Is.EqualTo(
                    new[] { "\"Held on\",\"Meeting type\",Topic,Attendees", "2026-05-20,GeneralMeeting,学习党章,2" }
                ),
                "in English, enumerations are their API names, as in the member export"
            );
        });
    }

    [Test]
    public async Task Exports_take_their_lists_filters_and_refuse_what_the_list_refuses()
    {
        var outsider = Guid.NewGuid();
        await Json.Problem(
            await Get("/api/v1/members/transfers/export?sort=nonsense"),
            HttpStatusCode.BadRequest,
            field: "sort"
        );
        await Json.Problem(
            await Get("/api/v1/members/lists/PoliticalBirthdays/export?month=13"),
            HttpStatusCode.BadRequest,
            field: "month"
        );
        await Json.Problem(
            await Get("/api/v1/members/lists/PoliticalBirthdays/export?format=Pdf"),
            HttpStatusCode.BadRequest
        );
        Assert.That(
            (await Get($"/api/v1/members/meetings/export?organizationId={outsider}")).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound)
        );
        Assert.That(
            (await Get($"/api/v1/members/community-reports/export?communityOrganizationId={outsider}")).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound)
        );
        // The whole-list page is only for exports: a query string cannot ask a list for it.
        await Json.Problem(
            await Get($"/api/v1/members/lists/LostContact?pageSize={PageRequest.MaxExportRows}"),
            HttpStatusCode.BadRequest,
            field: "pageSize"
        );
    }

    [Test]
    public async Task A_member_export_with_a_reason_too_short_is_refused_on_that_parameter_and_reveals_nothing()
    {
        var branch = (await CreateOrganization(Unique("理由党支部"))).Id();
        await Member(branch, "理由党员", "2000-07-01", "2001-07-01");
        await Json.Problem(
            await Get($"/api/v1/members/export?organizationId={branch}&revealReason=" + Uri.EscapeDataString("看看")),
            HttpStatusCode.BadRequest,
            field: "revealReason"
        );
        await Json.Problem(
            await Get($"/api/v1/members/export?organizationId={branch}&revealReason="),
            HttpStatusCode.BadRequest,
            field: "revealReason"
        );
        var audit = await Json.Read(
            await Get($"/api/v1/audit?action=RevealPersonalData&entityId={branch}"),
            HttpStatusCode.OK
        );
        Assert.That(audit.GetProperty("total").GetInt64(), Is.Zero);
    }
}
