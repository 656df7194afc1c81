using System.Net;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Members;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class MemberRecordTests(DatabaseProvider provider) : ApiTest(provider)
{
    private Task<HttpResponseMessage> CreateMember(
        Guid organizationId,
        string name,
        string idNumber,
        string stage = "Full",
        string? joinedOn = "2000-07-01",
        string? fullMemberOn = "2001-07-01",
        string? phone = "13812345678",
        string category = "InService"
    ) =>
        Post(
            "/api/v1/members",
            new NewMember
            {
                OrganizationId = organizationId,
                Name = name,
                IdNumber = idNumber,
                Phone = phone,
                Category = category,
                Stage = stage,
                AppliedOn = stage == "Applicant" ? "2026-01-01" : null,
                JoinedOn = stage is "Full" or "Probationary" ? joinedOn : null,
                FullMemberOn = stage == "Full" ? fullMemberOn : null,
                Education = "Bachelor",
            }
        );

    [Test]
    public async Task A_member_is_answered_masked_with_birth_date_and_gender_from_the_id_number_and_found_by_it()
    {
        var branch = await CreateOrganization(Unique("红旗街道彩虹社区党委"));
        var idNumber = TestIdNumbers.For("1980-01-01", male: false);
        var response = await CreateMember(branch.Id(), "王秀兰", idNumber);
        var member = await Json.Read(response, HttpStatusCode.Created);
        var found = await Json.Read(await Post("/api/v1/members/lookup", new { idNumber }), HttpStatusCode.OK);
        var list = await Json.Read(await Get($"/api/v1/members?organizationId={branch.Id()}"), HttpStatusCode.OK);
        var read = await Json.Read(await Get($"/api/v1/members/{member.Id()}"), HttpStatusCode.OK);
        var audit = await (
            await Get($"/api/v1/audit?entityType=Member&entityId={member.Id()}")
        ).Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
            Assert.That(member.Str("idNumber"), Is.EqualTo(idNumber[..6] + "********" + idNumber[^4..]));
            Assert.That(member.Str("phone"), Is.EqualTo("138****5678"));
            Assert.That(member.Str("birthDate"), Is.EqualTo("1980-01-01"));
            Assert.That(member.Str("gender"), Is.EqualTo("Female"));
            Assert.That(member.GetProperty("age").GetInt32(), Is.EqualTo(46), "the test clock's today is 2026-06-15");
            Assert.That(member.GetProperty("partyStandingYears").GetInt32(), Is.EqualTo(24));
            Assert.That(member.Str("organizationName"), Does.StartWith("红旗街道彩虹社区党委"));
            Assert.That(found.Id(), Is.EqualTo(member.Id()));
            Assert.That(
                (found.Str("idNumber"), found.Str("phone")),
                Is.EqualTo((member.Str("idNumber"), "138****5678")),
                "a look-up by the whole number answers it masked"
            );
            Assert.That((read.Str("idNumber"), read.Str("phone")), Is.EqualTo((member.Str("idNumber"), "138****5678")));
            Assert.That(list.GetProperty("items")[0].Str("idNumber"), Is.EqualTo(member.Str("idNumber")));
            Assert.That(audit, Does.Contain("CreateMember"));
            Assert.That(
                audit,
                Does.Not.Contain(idNumber).And.Not.Contain("13812345678"),
                "the audit log keeps personal data masked"
            );
        });
    }

    [Test]
    public async Task An_update_is_audited_with_the_state_before_and_after_personal_data_masked()
    {
        var branch = await CreateOrganization(Unique("某党支部"));
        var member = await Json.Read(
            await CreateMember(branch.Id(), "赵卫东", TestIdNumbers.For("1972-04-04"), phone: "13812345678"),
            HttpStatusCode.Created
        );
        await Json.Read(
            await Put(
                $"/api/v1/members/{member.Id()}",
                new
                {
                    name = "赵卫国",
                    phone = "13987654321",
                    category = "Retired",
                    education = "Bachelor",
                },
                "\"1\""
            ),
            HttpStatusCode.OK
        );
        var audit = await Json.Read(
            await Get($"/api/v1/audit?action=UpdateMember&entityId={member.Id()}"),
            HttpStatusCode.OK
        );
        var changes = JsonDocument.Parse(audit.GetProperty("items")[0].Str("changes")).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(audit.GetProperty("total").GetInt64(), Is.EqualTo(1));
            Assert.That(
                (changes.GetProperty("name").Str("before"), changes.GetProperty("name").Str("after")),
                Is.EqualTo(("赵卫东", "赵卫国"))
            );
            Assert.That(
                (changes.GetProperty("phone").Str("before"), changes.GetProperty("phone").Str("after")),
                Is.EqualTo(("138****5678", "139****4321"))
            );
            Assert.That(
                (changes.GetProperty("category").Str("before"), changes.GetProperty("category").Str("after")),
                Is.EqualTo(("InService", "Retired"))
            );
            Assert.That(changes.TryGetProperty("education", out _), Is.False, "only changed fields are listed");
            Assert.That(audit.ToString(), Does.Not.Contain("13812345678").And.Not.Contain("13987654321"));
        });
    }

    [TestCase("110105194912310021", "idNumber", TestName = "A wrong check character is refused")]
    [TestCase("11010519491231002", "idNumber", TestName = "Seventeen characters are refused")]
    [TestCase("110105194902300028", "idNumber", TestName = "A birth date that does not exist (30 February) is refused")]
    public async Task Invalid_id_numbers_are_400_on_the_field(string idNumber, string field)
    {
        var branch = await CreateOrganization(Unique("某党支部"));
        await Json.Problem(await CreateMember(branch.Id(), "某人", idNumber), HttpStatusCode.BadRequest, field: field);
    }

    [Test]
    public async Task The_standard_example_id_number_with_X_is_valid_in_either_case()
    {
        var branch = await CreateOrganization(Unique("某党支部"));
        // GB 11643's own example, whose check character is X.
        await Json.Read(await CreateMember(branch.Id(), "示例", "11010519491231002x"), HttpStatusCode.Created);
        var found = await Json.Read(
            await Post("/api/v1/members/lookup", new { idNumber = "11010519491231002X" }),
            HttpStatusCode.OK
        );
        Assert.That(found.Str("birthDate"), Is.EqualTo("1949-12-31"));
        await Json.Problem(
            await CreateMember(branch.Id(), "又一个", "11010519491231002X"),
            HttpStatusCode.Conflict,
            code: "member_exists"
        );
    }

    [Test]
    public async Task Birth_date_gender_and_age_at_joining_must_agree_with_the_id_number()
    {
        var branch = await CreateOrganization(Unique("某党支部"));
        var woman = TestIdNumbers.For("1990-05-20", male: false);
        var mismatchedBirth = await Post(
            "/api/v1/members",
            NewMember.Applicant(branch.Id(), "甲", "2026-01-01") with
            {
                IdNumber = woman,
                BirthDate = "1990-05-21",
            }
        );
        var mismatchedGender = await Post(
            "/api/v1/members",
            NewMember.Applicant(branch.Id(), "乙", "2026-01-01") with
            {
                IdNumber = woman,
                Gender = "Male",
            }
        );
        // Born 1990-05-20: 18 on 2008-05-20. A day short is refused; on the day is accepted.
        var tooYoung = await CreateMember(branch.Id(), "丙", woman, joinedOn: "2008-05-19", fullMemberOn: "2009-05-19");
        await Json.Problem(mismatchedBirth, HttpStatusCode.BadRequest, field: "birthDate");
        await Json.Problem(mismatchedGender, HttpStatusCode.BadRequest, field: "gender");
        await Json.Problem(tooYoung, HttpStatusCode.BadRequest, field: "joinedOn");
        await Json.Read(
            await CreateMember(branch.Id(), "丙", woman, joinedOn: "2008-05-20", fullMemberOn: "2009-05-20"),
            HttpStatusCode.Created
        );
    }

    [Test]
    public async Task Revealing_needs_a_reason_the_permission_and_is_audited()
    {
        var branch = await CreateOrganization(Unique("某党支部"));
        var idNumber = TestIdNumbers.For("1975-03-08", male: true);
        var member = await Json.Read(
            await CreateMember(branch.Id(), "李建国", idNumber, phone: "13900001111"),
            HttpStatusCode.Created
        );
        var url = $"/api/v1/members/{member.Id()}/reveal";

        await Json.Problem(await Post(url, new { field = "IdNumber" }), HttpStatusCode.BadRequest, field: "reason");
        var revealed = await Json.Read(
            await Post(url, new { field = "IdNumber", reason = "核对组织关系转接材料" }),
            HttpStatusCode.OK
        );
        var phone = await Json.Read(
            await Post(url, new { field = "Phone", reason = "联系困难党员帮扶事宜" }),
            HttpStatusCode.OK
        );
        var audit = await Json.Read(
            await Get($"/api/v1/audit?action=RevealPersonalData&entityId={member.Id()}"),
            HttpStatusCode.OK
        );

        var viewerPassword = "Viewer-Password-1";
        await Json.Read(
            await Post("/api/v1/users", new NewUser(Unique("viewer"), "只读", viewerPassword, ["Viewer"])),
            HttpStatusCode.Created
        );
        Assert.Multiple(() =>
        {
            Assert.That(revealed.Str("value"), Is.EqualTo(idNumber));
            Assert.That(phone.Str("value"), Is.EqualTo("13900001111"));
            Assert.That(audit.GetProperty("total").GetInt64(), Is.EqualTo(2));
            Assert.That(
                audit.GetProperty("items").EnumerateArray().Select(a => a.Str("changes")),
                Has.Some.Contains("联系困难党员帮扶事宜")
            );
            Assert.That(
                audit.ToString(),
                Does.Not.Contain(idNumber).And.Not.Contain("13900001111"),
                "the audit keeps the reason, never the value"
            );
        });
    }

    [Test]
    public async Task A_viewer_may_read_members_but_not_reveal_them()
    {
        var branch = await CreateOrganization(Unique("某党支部"));
        var member = await Json.Read(
            await CreateMember(branch.Id(), "张三", TestIdNumbers.For("1970-01-01", male: true)),
            HttpStatusCode.Created
        );
        var username = Unique("viewer");
        await Json.Read(
            await Post("/api/v1/users", new NewUser(username, "只读", "Viewer-Password-1", ["Viewer"])),
            HttpStatusCode.Created
        );
        var viewer = await SignedInClient(username, "Viewer-Password-1");
        var read = await viewer.GetAsync($"/api/v1/members/{member.Id()}");
        var reveal = await viewer.PostAsync(
            $"/api/v1/members/{member.Id()}/reveal",
            new StringContent(
                """{"field":"IdNumber","reason":"想看看完整号码"}""",
                System.Text.Encoding.UTF8,
                "application/json"
            )
        );
        Assert.Multiple(() =>
        {
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(reveal.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    [Test]
    public async Task The_list_filters_by_subtree_stage_age_join_year_and_name()
    {
        var community = await CreateOrganization(Unique("彩虹社区党委"), kind: "Committee");
        var branch = await CreateOrganization("第一党支部", community.Id());
        await Json.Read(
            await CreateMember(
                community.Id(),
                "赵老党员",
                TestIdNumbers.For("1950-02-01", male: true),
                joinedOn: "1975-07-01",
                fullMemberOn: "1976-07-01",
                category: "Retired"
            ),
            HttpStatusCode.Created
        );
        await Json.Read(
            await CreateMember(
                branch.Id(),
                "钱申请人",
                TestIdNumbers.For("2005-03-01", male: false),
                stage: "Applicant",
                category: "Student"
            ),
            HttpStatusCode.Created
        );
        await Json.Read(
            await CreateMember(
                branch.Id(),
                "孙预备",
                TestIdNumbers.For("1995-09-09", male: true),
                stage: "Probationary",
                joinedOn: "2025-07-01"
            ),
            HttpStatusCode.Created
        );

        async Task<string[]> Names(string query) =>
            (
                await Json.Read(
                    await Get($"/api/v1/members?organizationId={community.Id()}&sort=name&{query}"),
                    HttpStatusCode.OK
                )
            )
                .GetProperty("items")
                .EnumerateArray()
                .Select(m => m.Str("name"))
                .Order(StringComparer.Ordinal)
                .ToArray();

        Assert.Multiple(async () =>
        {
            Assert.That(await Names(""), Has.Length.EqualTo(3));
            Assert.That(await Names("includeDescendants=false"), Is.EqualTo(new[] { "赵老党员" }));
            Assert.That(await Names("stage=Applicant"), Is.EqualTo(new[] { "钱申请人" }));
            Assert.That(
                await Names("ageTo=30"),
                Is.EqualTo(new[] { "孙预备", "钱申请人" }.Order(StringComparer.Ordinal).ToArray())
            );
            Assert.That(await Names("ageFrom=70"), Is.EqualTo(new[] { "赵老党员" }));
            Assert.That(await Names("joinYear=2025"), Is.EqualTo(new[] { "孙预备" }));
            Assert.That(await Names("q=预备"), Is.EqualTo(new[] { "孙预备" }));
            Assert.That(await Names("category=Retired"), Is.EqualTo(new[] { "赵老党员" }));
        });
        await Json.Problem(await Get("/api/v1/members?sort=idNumber"), HttpStatusCode.BadRequest, field: "sort");
        await Json.Problem(
            await Get($"/api/v1/members?organizationId={Guid.CreateVersion7()}"),
            HttpStatusCode.NotFound
        );
    }

    [Test]
    public async Task Updates_need_the_current_etag_and_one_of_two_racing_updates_wins()
    {
        var branch = await CreateOrganization(Unique("某党支部"));
        var idNumber = TestIdNumbers.For("1988-08-08", male: true);
        var member = await Json.Read(
            await CreateMember(branch.Id(), "周八", idNumber, joinedOn: "2010-07-01", fullMemberOn: "2011-07-01"),
            HttpStatusCode.Created
        );
        var url = $"/api/v1/members/{member.Id()}";
        object Body(string name) =>
            new
            {
                name,
                idNumber,
                category = "Floating",
                phone = "13700000000",
            };

        await Json.Problem(await Put(url, Body("周八"), ifMatch: null), (HttpStatusCode)428);
        var racing = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Put(url, Body($"周八{i}"), "\"1\"")));
        Assert.Multiple(() =>
        {
            Assert.That(racing.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
            Assert.That(racing.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed), Is.EqualTo(5));
        });
        var (current, etag) = await GetWithETag(url);
        Assert.Multiple(() =>
        {
            Assert.That(etag, Is.EqualTo("\"2\""));
            Assert.That(current.Str("category"), Is.EqualTo("Floating"));
            Assert.That(current.Str("phone"), Is.EqualTo("137****0000"));
        });
        // Clients only see the ID number and phone masked: leaving them out keeps them; an empty phone removes it.
        var kept = await Json.Read(
            await Put(url, new { name = "周八", category = "Retired" }, etag),
            HttpStatusCode.OK
        );
        var lookedUp = await Json.Read(await Post("/api/v1/members/lookup", new { idNumber }), HttpStatusCode.OK);
        var cleared = await Json.Read(
            await Put(
                url,
                new
                {
                    name = "周八",
                    category = "Retired",
                    phone = "",
                },
                "\"3\""
            ),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(kept.Str("phone"), Is.EqualTo("137****0000"));
            Assert.That(kept.Str("birthDate"), Is.EqualTo("1988-08-08"));
            Assert.That(lookedUp.Id(), Is.EqualTo(member.Id()));
            Assert.That(cleared.GetProperty("phone").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
        etag = "\"4\"";
        var other = TestIdNumbers.For("1966-06-06", male: false);
        await Json.Read(await CreateMember(branch.Id(), "吴九", other), HttpStatusCode.Created);
        await Json.Problem(
            await Put(
                url,
                new
                {
                    name = "周八",
                    idNumber = other,
                    category = "Floating",
                },
                etag
            ),
            HttpStatusCode.Conflict,
            code: "member_exists"
        );
    }

    [Test]
    public async Task Members_fill_the_organization_hooks_statistics_warnings_dissolve_and_move()
    {
        var root = await CreateOrganization(Unique("鸡西市委"), kind: "Committee", field: "Government");
        var branch = await CreateOrganization("小支部", root.Id(), field: "Village");
        var elsewhere = await CreateOrganization("别处党委", root.Id(), kind: "Committee");
        await Json.Read(
            await CreateMember(branch.Id(), "甲", TestIdNumbers.For("1960-01-01", male: true)),
            HttpStatusCode.Created
        );
        await Json.Read(
            await CreateMember(branch.Id(), "乙", TestIdNumbers.For("1961-01-01", male: false)),
            HttpStatusCode.Created
        );
        await Json.Read(
            await CreateMember(
                branch.Id(),
                "丙",
                TestIdNumbers.For("1996-01-01", male: false),
                stage: "Probationary",
                joinedOn: "2026-01-01"
            ),
            HttpStatusCode.Created
        );

        var stats = await Json.Read(await Get($"/api/v1/organizations/{root.Id()}/stats"), HttpStatusCode.OK);
        var warnings = await Json.Read(
            await Get($"/api/v1/organizations/warnings?within={root.Id()}&code=TooFewFullMembers"),
            HttpStatusCode.OK
        );
        var (current, etag) = await GetWithETag($"/api/v1/organizations/{branch.Id()}");
        var dissolve = await Delete($"/api/v1/organizations/{branch.Id()}", etag);
        Assert.Multiple(() =>
        {
            var members = stats.GetProperty("contributed").GetProperty("members");
            Assert.That(members.GetProperty("total").GetInt64(), Is.EqualTo(3));
            Assert.That(members.GetProperty("full").GetInt64(), Is.EqualTo(2));
            Assert.That(members.GetProperty("probationary").GetInt64(), Is.EqualTo(1));
            Assert.That(
                warnings.GetProperty("items").EnumerateArray().Select(w => w.GetProperty("organizationId").GetGuid()),
                Does.Contain(branch.Id()),
                "two full members are fewer than the three a branch needs"
            );
            Assert.That(current.Str("status"), Is.EqualTo("Active"));
        });
        await Json.Problem(dissolve, HttpStatusCode.Conflict, code: "organization_has_members");

        // Moving the branch under another parent carries its members' subtree with it.
        await Json.Read(
            await Post($"/api/v1/organizations/{branch.Id()}/move", new { newParentId = elsewhere.Id() }, etag),
            HttpStatusCode.OK
        );
        var underNewParent = await Json.Read(
            await Get($"/api/v1/members?organizationId={elsewhere.Id()}"),
            HttpStatusCode.OK
        );
        Assert.That(underNewParent.GetProperty("total").GetInt64(), Is.EqualTo(3));
    }
}
