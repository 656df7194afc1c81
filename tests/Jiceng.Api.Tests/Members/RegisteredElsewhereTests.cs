using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;
using MiniExcelLibs;

namespace Jiceng.Tests.Members;

/// <summary>
/// A member manager must not learn where an ID number is registered outside their organizations: the answer is
/// neutral, audited, counted per hour, and an import that probes many numbers is refused whole.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class RegisteredElsewhereTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const int PerHour = 5;

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>
        {
            ["Security:RegisteredElsewherePerHour"] = PerHour.ToString(
                System.Globalization.CultureInfo.InvariantCulture
            ),
            ["Security:ImportRegisteredElsewhereLimit"] = "2",
        };

    private static readonly string[] Headers = ["姓名", "公民身份号码", "人员类别", "发展阶段", "入党日期", "转正日期"];

    private static NewMember Full(Guid organizationId, string name, string idNumber) =>
        NewMember.Full(organizationId, name, joinedOn: "2000-07-01", fullMemberOn: "2001-07-01") with
        {
            IdNumber = idNumber,
        };

    /// <summary>Region A (where the manager works) and region B (someone else's), B with a member of its own.</summary>
    private async Task<(Guid A, Guid B, string Elsewhere, HttpClient Manager, Guid ManagerId)> TwoRegions()
    {
        var a = await CreateOrganization(Unique("甲区委"), kind: "Committee", field: "Government");
        var b = await CreateOrganization(Unique("乙区委"), kind: "Committee", field: "Government");
        var elsewhere = TestIdNumbers.For("1966-06-06");
        await Json.Read(
            await Post("/api/v1/members", Full(b.Id(), "乙区的秘密党员", elsewhere)),
            HttpStatusCode.Created
        );
        var username = Unique("manager");
        var user = await Json.Read(
            await Post(
                "/api/v1/users",
                new NewUser(username, "甲区党员管理员", "Manager-Password-1", ["MemberManager"], a.Id())
            ),
            HttpStatusCode.Created
        );
        return (a.Id(), b.Id(), elsewhere, await SignedInClient(username, "Manager-Password-1"), user.Id());
    }

    private async Task<JsonElement> AuditOf(Guid actorId, string action) =>
        await Json.Read(await Get($"/api/v1/audit?actorId={actorId}&action={action}"), HttpStatusCode.OK);

    private static byte[] Xlsx(IEnumerable<string> idNumbers)
    {
        var sheet = idNumbers
            .Select(
                (id, i) =>
                    (IDictionary<string, object?>)
                        new Dictionary<string, object?>
                        {
                            [Headers[0]] = "导入" + i,
                            [Headers[1]] = id,
                            [Headers[2]] = "在职",
                            [Headers[3]] = "正式党员",
                            [Headers[4]] = "2000-07-01",
                            [Headers[5]] = "2001-07-01",
                        }
            )
            .ToList();
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheet);
        return stream.ToArray();
    }

    private static Task<HttpResponseMessage> Upload(HttpClient client, string url, byte[] content) =>
        client.PostAsync(
            url,
            new MultipartFormDataContent { { new ByteArrayContent(content), "file", "members.xlsx" } }
        );

    [Test]
    public async Task A_number_registered_outside_the_scope_gets_only_the_neutral_answer_and_an_audit_row()
    {
        var (a, _, elsewhere, manager, managerId) = await TwoRegions();

        var created = await manager.PostAsJsonAsync("/api/v1/members", Full(a, "冒名者", elsewhere));
        var text = await created.Content.ReadAsStringAsync();
        await Json.Problem(created, HttpStatusCode.Conflict, code: "member_registered_elsewhere");
        var mine = await Json.Read(
            await manager.PostAsJsonAsync("/api/v1/members", Full(a, "甲区党员", TestIdNumbers.For("1971-01-01"))),
            HttpStatusCode.Created
        );
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/members/{mine.Id()}")
        {
            Content = JsonContent.Create(
                new
                {
                    name = "甲区党员",
                    idNumber = elsewhere,
                    category = "InService",
                }
            ),
        };
        put.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var updated = await manager.SendAsync(put);
        await Json.Problem(updated, HttpStatusCode.Conflict, code: "member_registered_elsewhere");
        var audit = await AuditOf(managerId, "MemberRegisteredElsewhere");
        Assert.Multiple(() =>
        {
            Assert.That(
                text,
                Does.Not.Contain("乙区").And.Not.Contain("秘密").And.Not.Contain("member_exists"),
                "neither the region nor the person is named"
            );
            Assert.That(
                audit.GetProperty("total").GetInt64(),
                Is.EqualTo(2),
                "each answer is audited with the caller, though the write was refused"
            );
            Assert.That(
                audit.GetProperty("items").EnumerateArray().Select(i => i.Str("changes")),
                Has.Some.Contains("CreateMember").And.Some.Contains("UpdateMember")
            );
            Assert.That(audit.ToString(), Does.Not.Contain(elsewhere), "the audit row keeps the number masked");
        });
    }

    [Test]
    public async Task A_number_registered_inside_the_scope_is_still_member_exists_and_not_counted()
    {
        var (a, _, _, manager, managerId) = await TwoRegions();
        var idNumber = TestIdNumbers.For("1972-02-02");
        await Json.Read(
            await manager.PostAsJsonAsync("/api/v1/members", Full(a, "甲区党员", idNumber)),
            HttpStatusCode.Created
        );
        await Json.Problem(
            await manager.PostAsJsonAsync("/api/v1/members", Full(a, "又一个", idNumber)),
            HttpStatusCode.Conflict,
            code: "member_exists"
        );
        var audit = await AuditOf(managerId, "MemberRegisteredElsewhere");
        Assert.That(audit.GetProperty("total").GetInt64(), Is.Zero);
    }

    [Test]
    public async Task Past_the_hourly_limit_every_id_number_check_of_the_caller_is_429_whatever_the_number()
    {
        var (a, b, _, manager, managerId) = await TwoRegions();
        var numbers = new List<string>();
        for (var i = 0; i < PerHour; i++)
        {
            numbers.Add(TestIdNumbers.For("1980-03-03"));
            await Json.Read(
                await Post("/api/v1/members", Full(b, "乙区党员" + i, numbers[^1])),
                HttpStatusCode.Created
            );
        }
        foreach (var number in numbers)
        {
            await Json.Problem(
                await manager.PostAsJsonAsync("/api/v1/members", Full(a, "试探", number)),
                HttpStatusCode.Conflict,
                code: "member_registered_elsewhere"
            );
        }
        var limited = await manager.PostAsJsonAsync(
            "/api/v1/members",
            Full(a, "试探", TestIdNumbers.For("1980-03-03"))
        );
        var unregistered = TestIdNumbers.For("1981-04-04");
        var fresh = await manager.PostAsJsonAsync("/api/v1/members", Full(a, "新人", unregistered));
        var import = await Upload(manager, $"/api/v1/members/import/validate?organizationId={a}", Xlsx([unregistered]));
        await Json.Problem(limited, HttpStatusCode.TooManyRequests);
        await Json.Problem(fresh, HttpStatusCode.TooManyRequests);
        await Json.Problem(import, HttpStatusCode.TooManyRequests);
        Assert.Multiple(async () =>
        {
            Assert.That(limited.Headers.RetryAfter, Is.Not.Null);
            Assert.That(
                (await AuditOf(managerId, "MemberRegisteredElsewhere")).GetProperty("total").GetInt64(),
                Is.EqualTo(PerHour)
            );
        });
        // The hour passes: the caller may check numbers again.
        Clock.Set(Clock.GetUtcNow().AddMinutes(61));
        await Json.Read(
            await manager.PostAsJsonAsync("/api/v1/members", Full(a, "新人", unregistered)),
            HttpStatusCode.Created
        );
    }

    [Test]
    public async Task An_import_reports_few_rows_registered_elsewhere_neutrally_and_refuses_more_all_audited()
    {
        var (a, b, elsewhere, manager, managerId) = await TwoRegions();
        var inScope = TestIdNumbers.For("1973-03-03");
        await Json.Read(
            await manager.PostAsJsonAsync("/api/v1/members", Full(a, "甲区党员", inScope)),
            HttpStatusCode.Created
        );
        var fresh = TestIdNumbers.For("1974-04-04");

        var report = await Json.Read(
            await Upload(
                manager,
                $"/api/v1/members/import/validate?organizationId={a}",
                Xlsx([fresh, elsewhere, inScope])
            ),
            HttpStatusCode.OK
        );
        var messages = report
            .GetProperty("errors")
            .EnumerateArray()
            .ToDictionary(e => e.GetProperty("row").GetInt32(), e => e.Str("message"));
        var committed = await Upload(
            manager,
            $"/api/v1/members/import?organizationId={a}",
            Xlsx([fresh, elsewhere, inScope])
        );
        await Json.Problem(committed, HttpStatusCode.BadRequest, code: "import_has_errors");

        var more = new List<string> { elsewhere };
        for (var i = 0; i < 2; i++)
        {
            more.Add(TestIdNumbers.For("1982-05-05"));
            await Json.Read(await Post("/api/v1/members", Full(b, "乙区党员" + i, more[^1])), HttpStatusCode.Created);
        }
        var probe = Xlsx([fresh, .. more]);
        var refusedCheck = await Upload(manager, $"/api/v1/members/import/validate?organizationId={a}", probe);
        var refusedImport = await Upload(manager, $"/api/v1/members/import?organizationId={a}", probe);
        var refusedText = await refusedCheck.Content.ReadAsStringAsync();
        await Json.Problem(refusedCheck, HttpStatusCode.Conflict, code: "import_registered_elsewhere");
        await Json.Problem(refusedImport, HttpStatusCode.Conflict, code: "import_registered_elsewhere");
        var rowAnswers = await AuditOf(managerId, "MemberRegisteredElsewhere");
        var refusals = await AuditOf(managerId, "MemberImportRefusedRegisteredElsewhere");
        await Json.Read(await Post("/api/v1/members/lookup", new { idNumber = fresh }), HttpStatusCode.NotFound);
        Assert.Multiple(() =>
        {
            Assert.That(messages[3], Does.Contain("其他党组织").And.Contain("转接"), "row 3 is registered in region B");
            Assert.That(
                messages[4],
                Does.Contain("已在党员名册中"),
                "row 4 is the manager's own member, named as before"
            );
            Assert.That(messages.ContainsKey(2), Is.False);
            Assert.That(
                rowAnswers.GetProperty("total").GetInt64(),
                Is.EqualTo(2),
                "the one row answered 'elsewhere', by the check and the commit"
            );
            Assert.That(
                refusals.GetProperty("total").GetInt64(),
                Is.EqualTo(2),
                "the refused check and the refused (rolled back) import"
            );
            Assert.That(refusals.GetProperty("items")[0].Str("changes"), Does.Contain("\"hits\":3"));
            Assert.That(refusedText, Does.Not.Contain("\"row\""), "a refused file says nothing about which rows");
        });
    }
}
