using System.Net;
using System.Text;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;
using MiniExcelLibs;

namespace Jiceng.Tests.Members;

/// <summary>The member spreadsheet: template, check (writes nothing), commit (all or nothing), export (masked unless
/// revealed). Today is 2026-06-15.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class MemberImportExportTests(DatabaseProvider provider) : ApiTest(provider)
{
    private static readonly string[] Headers =
    [
        "所在党组织",
        "姓名",
        "公民身份号码",
        "人员类别",
        "发展阶段",
        "申请入党日期",
        "入党日期",
        "转正日期",
        "学历",
    ];

    private static byte[] Xlsx(params object?[][] rows)
    {
        var sheet = rows.Select(r =>
                (IDictionary<string, object?>)Headers.Select((h, i) => (h, r[i])).ToDictionary(p => p.h, p => p.Item2)
            )
            .ToList();
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheet);
        return stream.ToArray();
    }

    private Task<HttpResponseMessage> Upload(string url, byte[] content, string fileName = "members.xlsx") =>
        Client.PostAsync(url, new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } });

    private async Task<long> MembersUnder(Guid organizationId) =>
        (await Json.Read(await Get($"/api/v1/members?organizationId={organizationId}"), HttpStatusCode.OK))
            .GetProperty("total")
            .GetInt64();

    [Test]
    public async Task The_template_has_the_import_columns_and_a_sheet_explaining_them()
    {
        var response = await Get("/api/v1/members/import/template");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var sheets = MiniExcel.GetSheetNames(stream);
        var header = ((IDictionary<string, object?>)MiniExcel.Query(stream, sheetName: sheets[0]).First())
            .Values.Select(v => v?.ToString())
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType!.MediaType, Does.Contain("spreadsheetml"));
            Assert.That(sheets, Has.Count.EqualTo(2));
            Assert.That(header, Does.Contain("公民身份号码").And.Contain("发展阶段").And.Contain("入党日期"));
        });
    }

    [Test]
    public async Task A_file_with_one_bad_row_is_reported_by_row_and_column_and_nothing_is_written_until_it_is_clean()
    {
        var branch = (await CreateOrganization(Unique("导入党支部"))).Id();
        var child = await CreateOrganization("第一党小组所在支部", branch);
        var applicantId = TestIdNumbers.For("2000-03-01");
        var rows = new[]
        {
            new object?[]
            {
                null,
                "导入甲",
                TestIdNumbers.For("1960-01-01"),
                "农民",
                "正式党员",
                null,
                "1985-07-01",
                "1986-07-01",
                "高中",
            },
            new object?[]
            {
                "第一党小组所在支部",
                "导入乙",
                TestIdNumbers.For("1970-02-02"),
                "在职",
                "预备党员",
                null,
                "2026-01-10",
                null,
                "本科",
            },
            new object?[] { null, "导入丙", applicantId, "学生", "入党申请人", "2026-03-01", null, null, "大专" },
            // Row 5: joined at 15, and an education nobody offers.
            new object?[]
            {
                null,
                "导入丁",
                TestIdNumbers.For("2000-01-01"),
                "农民",
                "正式党员",
                null,
                "2015-07-01",
                "2016-07-01",
                "幼儿园",
            },
        };
        var bad = Xlsx(rows);

        var report = await Json.Read(
            await Upload($"/api/v1/members/import/validate?organizationId={branch}", bad),
            HttpStatusCode.OK
        );
        var refused = await Json.Problem(
            await Upload($"/api/v1/members/import?organizationId={branch}", bad),
            HttpStatusCode.BadRequest,
            code: "import_has_errors"
        );
        var afterRefusal = await MembersUnder(branch);
        Assert.Multiple(() =>
        {
            Assert.That(report.GetProperty("rows").GetInt32(), Is.EqualTo(4));
            Assert.That(report.GetProperty("valid").GetInt32(), Is.EqualTo(3));
            var errors = report.GetProperty("errors").EnumerateArray().ToList();
            Assert.That(
                errors.Select(e => e.GetProperty("row").GetInt32()).Distinct(),
                Is.EqualTo(new[] { 5 }),
                "only the bad row, numbered as Excel shows it"
            );
            Assert.That(errors.Select(e => e.Str("column")), Is.EquivalentTo(new[] { "入党日期", "学历" }));
            Assert.That(errors.Single(e => e.Str("column") == "入党日期").Str("message"), Does.Contain("18"));
            Assert.That(refused.GetProperty("report").GetProperty("errors").GetArrayLength(), Is.EqualTo(2));
            Assert.That(afterRefusal, Is.Zero, "a refused file writes nothing");
        });

        var clean = Xlsx(rows[..3]);
        var imported = await Json.Read(
            await Upload($"/api/v1/members/import?organizationId={branch}", clean),
            HttpStatusCode.OK
        );
        var inChild = await Json.Read(
            await Get($"/api/v1/members?organizationId={child.Id()}&includeDescendants=false"),
            HttpStatusCode.OK
        );
        var applicant = await Json.Read(
            await Post("/api/v1/members/lookup", new { idNumber = applicantId }),
            HttpStatusCode.OK
        );
        var pipeline = await Json.Read(await Get($"/api/v1/members/{applicant.Id()}/pipeline"), HttpStatusCode.OK);
        var again = await Json.Read(
            await Upload($"/api/v1/members/import/validate?organizationId={branch}", clean),
            HttpStatusCode.OK
        );
        var audit = await Json.Read(
            await Get($"/api/v1/audit?action=ImportMembers&entityId={branch}"),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(imported.GetProperty("imported").GetInt32(), Is.EqualTo(3));
            Assert.That(
                inChild.GetProperty("items")[0].Str("name"),
                Is.EqualTo("导入乙"),
                "the organization column names a branch under the chosen one"
            );
            Assert.That(applicant.Str("stage"), Is.EqualTo("Applicant"));
            Assert.That(
                pipeline.GetProperty("steps")[0].Str("step"),
                Is.EqualTo("Application"),
                "an imported applicant's application is on the timeline"
            );
            Assert.That(again.GetProperty("valid").GetInt32(), Is.Zero);
            Assert.That(
                again.GetProperty("errors").EnumerateArray().Select(e => e.Str("message")),
                Has.All.Contain("已在党员名册中")
            );
            Assert.That(audit.GetProperty("total").GetInt64(), Is.EqualTo(1));
            Assert.That(audit.ToString(), Does.Not.Contain(applicantId), "the audit says how many, not who");
        });
    }

    [Test]
    public async Task Csv_files_the_same_person_twice_unknown_organizations_and_unreadable_files_are_reported()
    {
        var branch = (await CreateOrganization(Unique("CSV导入支部"))).Id();
        var twice = TestIdNumbers.For("1980-05-05");
        var csv =
            "姓名,公民身份号码,人员类别,发展阶段,入党日期,转正日期,所在党组织\n"
            + $"甲,{twice},在职,正式党员,2005-07-01,2006-07-01,\n"
            + $"乙,{twice},在职,正式党员,2005-07-01,2006-07-01,\n"
            + $"丙,{TestIdNumbers.For("1981-01-01")},在职,Full,2005/7/1,2006.7.1,没有这个支部\n";
        var report = await Json.Read(
            await Upload(
                $"/api/v1/members/import/validate?organizationId={branch}",
                Encoding.UTF8.GetBytes(csv),
                "members.csv"
            ),
            HttpStatusCode.OK
        );
        var garbage = await Json.Read(
            await Upload(
                $"/api/v1/members/import/validate?organizationId={branch}",
                [0x50, 0x4B, 0x03, 0x04, 0x00, 0x01],
                "x.xlsx"
            ),
            HttpStatusCode.OK
        );
        var noHeaders = await Json.Read(
            await Upload(
                $"/api/v1/members/import/validate?organizationId={branch}",
                Encoding.UTF8.GetBytes("a,b\n1,2\n"),
                "x.csv"
            ),
            HttpStatusCode.OK
        );
        await Json.Problem(
            await Upload(
                $"/api/v1/members/import/validate?organizationId={Guid.NewGuid()}",
                Encoding.UTF8.GetBytes(csv),
                "members.csv"
            ),
            HttpStatusCode.BadRequest,
            field: "organizationId"
        );
        Assert.Multiple(() =>
        {
            var errors = report
                .GetProperty("errors")
                .EnumerateArray()
                .Select(e => (e.GetProperty("row").GetInt32(), e.Str("column")))
                .ToList();
            Assert.That(
                errors,
                Is.EquivalentTo(new[] { (3, "公民身份号码"), (4, "所在党组织") }),
                "dates as 2005/7/1 and 2006.7.1 and the English stage name are read"
            );
            Assert.That(garbage.GetProperty("errors")[0].Str("column"), Is.EqualTo("file"));
            Assert.That(
                noHeaders.GetProperty("errors").EnumerateArray().Select(e => e.Str("column")),
                Is.SupersetOf(new[] { "姓名", "公民身份号码" })
            );
        });
    }

    [Test]
    public async Task A_sheet_headed_in_common_synonyms_such_as_身份证号码_and_职业_is_read_as_the_official_columns()
    {
        var branch = (await CreateOrganization(Unique("同义表头支部"))).Id();
        var idNumber = TestIdNumbers.For("1975-04-04");
        var csv =
            "姓名,身份证号码,人员类别,发展阶段,入党时间,转正时间,职业,学历,确定发展对象日期\n"
            + $"同义表头,{idNumber},在职,正式党员,2005-07-01,2006-07-01,村会计,本科,\n";
        var file = Encoding.UTF8.GetBytes(csv);
        var report = await Json.Read(
            await Upload($"/api/v1/members/import/validate?organizationId={branch}", file, "members.csv"),
            HttpStatusCode.OK
        );
        var imported = await Json.Read(
            await Upload($"/api/v1/members/import?organizationId={branch}", file, "members.csv"),
            HttpStatusCode.OK
        );
        var member = await Json.Read(await Post("/api/v1/members/lookup", new { idNumber }), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(report.GetProperty("errors").GetArrayLength(), Is.Zero, report.ToString());
            Assert.That(report.GetProperty("valid").GetInt32(), Is.EqualTo(1));
            Assert.That(imported.GetProperty("imported").GetInt32(), Is.EqualTo(1));
            Assert.That(member.Str("occupation"), Is.EqualTo("村会计"), "职业 is read as 工作岗位");
            Assert.That(member.Str("education"), Is.EqualTo("Bachelor"), "本科 is read as 大学本科");
            Assert.That(member.Str("joinedOn"), Is.EqualTo("2005-07-01"), "入党时间 is read as 入党日期");
        });
    }

    [Test]
    public async Task A_row_whose_dates_break_the_least_time_between_steps_is_reported_on_that_column()
    {
        var branch = (await CreateOrganization(Unique("间隔党支部"))).Id();
        var file = Xlsx(
            new object?[]
            {
                null,
                "如期转正",
                TestIdNumbers.For("1970-01-01"),
                "农民",
                "正式党员",
                null,
                "2000-07-01",
                "2001-07-01",
                null,
            },
            new object?[]
            {
                null,
                "提前转正",
                TestIdNumbers.For("1970-01-01"),
                "农民",
                "正式党员",
                null,
                "2000-07-01",
                "2001-06-30",
                null,
            }
        );
        var report = await Json.Read(
            await Upload($"/api/v1/members/import/validate?organizationId={branch}", file),
            HttpStatusCode.OK
        );
        var error = report.GetProperty("errors").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(report.GetProperty("valid").GetInt32(), Is.EqualTo(1));
            Assert.That((error.GetProperty("row").GetInt32(), error.Str("column")), Is.EqualTo((3, "转正日期")));
            Assert.That(error.Str("message"), Does.Contain("2001-07-01"));
        });
    }

    [Test]
    public async Task Exports_are_masked_unless_a_revealer_gives_a_reason_which_is_audited()
    {
        var branch = (await CreateOrganization(Unique("导出党支部"))).Id();
        var idNumber = TestIdNumbers.For("1975-06-06");
        await RegisterMember(
            NewMember.Full(branch, "导出党员", joinedOn: "2000-07-01", fullMemberOn: "2001-07-01") with
            {
                IdNumber = idNumber,
                Phone = "13912345678",
            }
        );

        var xlsx = await Get($"/api/v1/members/export?organizationId={branch}");
        using var xlsxStream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(xlsxStream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var csv = Encoding.UTF8.GetString(
            await (
                await Get($"/api/v1/members/export?organizationId={branch}&format=Csv")
            ).Content.ReadAsByteArrayAsync()
        );
        var whole = Encoding.UTF8.GetString(
            await (
                await Get(
                    $"/api/v1/members/export?organizationId={branch}&format=Csv&revealReason="
                        + Uri.EscapeDataString("年度党员信息采集核对")
                )
            ).Content.ReadAsByteArrayAsync()
        );
        var audit = await Json.Read(
            await Get($"/api/v1/audit?action=RevealPersonalData&within={branch}"),
            HttpStatusCode.OK
        );

        var username = Unique("viewer");
        await Json.Read(
            await Post("/api/v1/users", new NewUser(username, "只读", "Viewer-Password-1", ["Viewer"])),
            HttpStatusCode.Created
        );
        var viewer = await SignedInClient(username, "Viewer-Password-1");
        var viewerMasked = await viewer.GetAsync($"/api/v1/members/export?organizationId={branch}&format=Csv");
        var viewerWhole = await viewer.GetAsync(
            $"/api/v1/members/export?organizationId={branch}&format=Csv&revealReason="
                + Uri.EscapeDataString("想看完整号码")
        );
        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(1));
            Assert.That(rows[0]["姓名"], Is.EqualTo("导出党员"));
            Assert.That(rows[0]["公民身份号码"], Is.EqualTo(idNumber[..6] + "********" + idNumber[^4..]));
            Assert.That(rows[0]["发展阶段"], Is.EqualTo("正式党员"));
            Assert.That(csv, Does.Contain("导出党员").And.Not.Contain(idNumber).And.Not.Contain("13912345678"));
            Assert.That(whole, Does.Contain(idNumber).And.Contain("13912345678"));
            Assert.That(audit.GetProperty("total").GetInt64(), Is.EqualTo(1));
            Assert.That(audit.ToString(), Does.Contain("年度党员信息采集核对").And.Not.Contain(idNumber));
            Assert.That(viewerMasked.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(viewerWhole.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }
}
