using System.Net;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Members;

/// <summary>
/// Issue 13's lists and statistics: 35岁及以下 includes 35, the 光荣在党50年 medal is recorded and leaves later
/// lists, and the lost-contact list says that dues are not counted yet. The test clock's today is 2026-06-15.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class MedalAndStatisticsRulesTests(DatabaseProvider provider) : ApiTest(provider)
{
    private async Task<Guid> Member(
        Guid organizationId,
        string name,
        string birth,
        string stage,
        string joinedOn,
        string? fullMemberOn = null
    ) =>
        await RegisterMember(
            new NewMember
            {
                OrganizationId = organizationId,
                Name = name,
                IdNumber = TestIdNumbers.For(birth),
                Category = "InService",
                Education = "Bachelor",
                Stage = stage,
                JoinedOn = joinedOn,
                FullMemberOn = fullMemberOn,
            }
        );

    [Test]
    public async Task A_person_admitted_at_35_years_and_364_days_counts_as_35_or_under_and_at_36_does_not()
    {
        var branch = (await CreateOrganization(Unique("三十五岁党支部"))).Id();
        // Admitted 2025-07-01: born 1989-07-02 is 35 (the day before the 36th birthday); born 1989-07-01 is 36.
        await Member(branch, "三十五岁末", "1989-07-02", "Probationary", "2025-07-01");
        await Member(branch, "三十六岁", "1989-07-01", "Probationary", "2025-07-01");
        var admissions = (
            await Json.Read(
                await Get($"/api/v1/members/stats?organizationId={branch}&admittedYear=2025"),
                HttpStatusCode.OK
            )
        ).GetProperty("admissions");
        Assert.Multiple(() =>
        {
            Assert.That(admissions.GetProperty("admitted").GetInt64(), Is.EqualTo(2));
            Assert.That(admissions.GetProperty("aged35OrUnderShare").GetDecimal(), Is.EqualTo(50.0m));
        });
    }

    [Test]
    public async Task The_statistics_label_says_the_shares_are_of_the_years_admissions()
    {
        var document = await (await Get("/swagger/v1/swagger.json")).Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(document, Does.Contain("aged35OrUnderShare"));
            Assert.That(document, Does.Not.Contain("under35Share"));
            Assert.That(document, Does.Contain("not the whole register"));
        });
    }

    [Test]
    public async Task A_medal_given_is_recorded_once_with_if_match_audited_and_leaves_later_years_lists()
    {
        var branch = (await CreateOrganization(Unique("纪念章党支部"))).Id();
        // Converted 1976-07-01: 50 years on 1 July 2026, newly; converted 1975-03-01: due since 2025.
        var newly = await Member(branch, "新满五十年", "1950-01-01", "Full", "1975-07-01", "1976-07-01");
        var older = await Member(branch, "早满五十年", "1950-01-01", "Full", "1974-03-01", "1975-03-01");
        var young = await Member(branch, "党龄不足", "1960-01-01", "Full", "1980-01-01", "1981-01-01");
        var list = await Json.Read(
            await Get($"/api/v1/members/lists/MedalCandidates?organizationId={branch}&year=2026"),
            HttpStatusCode.OK
        );
        var newlyRow = list.GetProperty("items").EnumerateArray().Single(m => m.Id() == newly);
        var olderRow = list.GetProperty("items").EnumerateArray().Single(m => m.Id() == older);
        Assert.Multiple(() =>
        {
            Assert.That(list.GetProperty("total").GetInt64(), Is.EqualTo(2));
            Assert.That(newlyRow.GetProperty("newlyEligible").GetBoolean(), Is.True);
            Assert.That(olderRow.GetProperty("newlyEligible").GetBoolean(), Is.False);
            Assert.That(olderRow.GetProperty("medalYear").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        });

        var (_, etag) = await GetWithETag($"/api/v1/members/{older}");
        var body = new { year = 2025, awardedBy = "中共鸡西市委员会" };
        await Json.Problem(await Post($"/api/v1/members/{older}/medal", body), HttpStatusCode.PreconditionRequired);
        await Json.Problem(
            await Post($"/api/v1/members/{older}/medal", new { year = 2025, awardedBy = " " }, etag),
            HttpStatusCode.BadRequest,
            field: "awardedBy"
        );
        await Json.Problem(
            await Post($"/api/v1/members/{older}/medal", new { year = 2027, awardedBy = "中共鸡西市委员会" }, etag),
            HttpStatusCode.BadRequest,
            field: "year"
        );
        var given = await Post($"/api/v1/members/{older}/medal", body, etag);
        await Json.Read(given, HttpStatusCode.OK);
        var (_, youngTag) = await GetWithETag($"/api/v1/members/{young}");
        var notDue = await Json.Problem(
            await Post($"/api/v1/members/{young}/medal", new { year = 2026, awardedBy = "中共鸡西市委员会" }, youngTag),
            HttpStatusCode.Conflict,
            code: "medal_not_due"
        );
        var again = await Json.Problem(
            await Post($"/api/v1/members/{older}/medal", body, given.Headers.ETag!.Tag),
            HttpStatusCode.Conflict,
            code: "medal_already_given"
        );
        var stale = await Post($"/api/v1/members/{newly}/medal", body with { year = 2026 }, "\"99\"");
        var after2026 = await Json.Read(
            await Get($"/api/v1/members/lists/MedalCandidates?organizationId={branch}&year=2026"),
            HttpStatusCode.OK
        );
        var still2025 = await Json.Read(
            await Get($"/api/v1/members/lists/MedalCandidates?organizationId={branch}&year=2025"),
            HttpStatusCode.OK
        );
        var audit = await Json.Read(await Get($"/api/v1/audit?entityId={older}&pageSize=50"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(notDue.GetProperty("earliestYear").GetInt32(), Is.EqualTo(2031));
            Assert.That(notDue.GetProperty("field").GetString(), Is.EqualTo("year"));
            Assert.That(again.GetProperty("medalYear").GetInt32(), Is.EqualTo(2025));
            Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
            Assert.That(
                after2026.GetProperty("items").EnumerateArray().Select(m => m.Id()),
                Is.EqualTo(new[] { newly }),
                "given in 2025, the person is off the 2026 list"
            );
            var row2025 = still2025.GetProperty("items").EnumerateArray().Single(m => m.Id() == older);
            Assert.That(row2025.GetProperty("medalYear").GetInt32(), Is.EqualTo(2025), "the year given stays, marked");
            Assert.That(row2025.Str("medalAwardedBy"), Is.EqualTo("中共鸡西市委员会"));
            Assert.That(row2025.GetProperty("newlyEligible").GetBoolean(), Is.True, "converted 1975-03-01");
            Assert.That(
                audit.GetProperty("items").EnumerateArray().Select(a => a.Str("action")),
                Has.Member("RecordMedal")
            );
            Assert.That(audit.ToString(), Does.Contain("中共鸡西市委员会"));
        });
    }

    [Test]
    public async Task The_lost_contact_list_says_dues_are_not_counted_yet()
    {
        var branch = (await CreateOrganization(Unique("失联说明党支部"))).Id();
        var lost = await Json.Read(
            await Get($"/api/v1/members/lists/LostContact?organizationId={branch}"),
            HttpStatusCode.OK
        );
        var english = await Json.Read(
            await Get($"/api/v1/members/lists/LostContact?organizationId={branch}", "en-US"),
            HttpStatusCode.OK
        );
        var birthdays = await Json.Read(
            await Get($"/api/v1/members/lists/PoliticalBirthdays?organizationId={branch}"),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(lost.GetProperty("note").Str("code"), Is.EqualTo("dues_not_recorded"));
            Assert.That(lost.GetProperty("note").Str("text"), Does.Contain("党费"));
            Assert.That(english.GetProperty("note").Str("text"), Does.Contain("dues"));
            Assert.That(birthdays.GetProperty("note").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        });
    }
}
