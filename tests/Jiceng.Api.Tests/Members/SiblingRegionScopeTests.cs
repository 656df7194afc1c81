using System.Net;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Members;

/// <summary>
/// Every list and export of organization-owned rows in Members, against a sibling region created later: region A,
/// then region B (whose paths sort right after A's subtree), the same rows in each. A list of A, asked by an
/// administrator filtering by A or by a user scoped to A, shows A's rows and none of B's. A subtree range that lost
/// its upper bound passes every test where no later organization has rows; these catch it.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class SiblingRegionScopeTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Password = "Scoped-Password-1";

    private sealed record Region(string Tag, Guid Root, Guid Branch, Guid Community, Guid Full);

    private Region _a = null!;
    private Region _b = null!;
    private string _username = "";
    private HttpClient _scopedToA = null!;

    [OneTimeSetUp]
    public async Task TwoRegions()
    {
        _a = await RegionWithRows(Unique("甲区"));
        _b = await RegionWithRows(Unique("乙区"));
        _username = Unique("scoped-a");
        await Json.Read(
            await Post("/api/v1/users", new NewUser(_username, "甲区管理员", Password, ["MemberManager"], _a.Root)),
            HttpStatusCode.Created
        );
        _scopedToA = await SignedInClient(_username, Password);
    }

    [OneTimeTearDown]
    public void Dispose() => _scopedToA?.Dispose();

    /// <summary>
    /// A region with a branch, a receiving branch and a community; an old full member (in hardship, reported to the
    /// community, at a meeting), a probationary member whose
    /// probation ends within a month, a member with a transfer letter.
    /// </summary>
    private async Task<Region> RegionWithRows(string tag)
    {
        var root = (await CreateOrganization(tag + "委", kind: "Committee", field: "Government")).Id();
        var branch = (await CreateOrganization(tag + "支部", root)).Id();
        var receiving = (await CreateOrganization(tag + "接收支部", root)).Id();
        var community = (await CreateOrganization(tag + "社区", root)).Id();
        var full = await Member(branch, tag + "老党员", "1945-02-02", "Full", "1969-07-01", "1970-07-01");
        await Member(branch, tag + "预备党员", "1990-03-03", "Probationary", "2025-07-01", null);
        var leaving = await Member(branch, tag + "转出党员", "1980-04-04", "Full", "2005-07-01", "2006-07-01");
        await Json.Read(
            await Post($"/api/v1/members/{full}/hardships", new { category = "Elderly", since = "2026-01-01" }),
            HttpStatusCode.Created
        );
        await Json.Read(
            await Post(
                $"/api/v1/members/{full}/community-reports",
                new { communityOrganizationId = community, reportedOn = "2026-03-01" }
            ),
            HttpStatusCode.Created
        );
        await Json.Read(
            await Post(
                $"/api/v1/members/{leaving}/transfers",
                new { toOrganizationId = receiving, letterNumber = tag + "转〔2026〕1号" }
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
                    heldOn = "2026-06-01",
                    topic = tag + "党员大会",
                    attendeeIds = new[] { full },
                }
            ),
            HttpStatusCode.Created
        );
        return new Region(tag, root, branch, community, full);
    }

    private async Task<Guid> Member(
        Guid organizationId,
        string name,
        string birth,
        string stage,
        string joinedOn,
        string? fullMemberOn
    ) =>
        await RegisterMember(
            new NewMember
            {
                OrganizationId = organizationId,
                Name = name,
                IdNumber = TestIdNumbers.For(birth),
                Category = "InService",
                Stage = stage,
                JoinedOn = joinedOn,
                FullMemberOn = fullMemberOn,
            }
        );

    private static async Task<string> Text(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{url}: {text}");
        return text;
    }

    /// <summary>The same list as the administrator filtering by A and
    /// as the user scoped to A (with the same filter, or none).</summary>
    private async Task OnlyA(string adminUrl, string scopedUrl)
    {
        var asAdmin = await Text(Client, adminUrl);
        var asScoped = await Text(_scopedToA, scopedUrl);
        Assert.Multiple(() =>
        {
            Assert.That(asAdmin, Does.Contain(_a.Tag), $"administrator, {adminUrl}: A's rows");
            Assert.That(asAdmin, Does.Not.Contain(_b.Tag), $"administrator, {adminUrl}: none of B's");
            Assert.That(asScoped, Does.Contain(_a.Tag), $"scoped to A, {scopedUrl}: A's rows");
            Assert.That(asScoped, Does.Not.Contain(_b.Tag), $"scoped to A, {scopedUrl}: none of B's");
        });
    }

    [Test]
    public async Task The_register_and_its_export_show_none_of_a_later_sibling_region()
    {
        await OnlyA($"/api/v1/members?organizationId={_a.Root}&pageSize=200", "/api/v1/members?pageSize=200");
        await OnlyA(
            $"/api/v1/members?organizationId={_a.Root}&pageSize=200",
            $"/api/v1/members?organizationId={_a.Root}&pageSize=200"
        );
        await OnlyA($"/api/v1/members/export?organizationId={_a.Root}&format=Csv", "/api/v1/members/export?format=Csv");
    }

    [Test]
    public async Task The_hardship_register_shows_none_of_a_later_sibling_region()
    {
        await OnlyA($"/api/v1/members?organizationId={_a.Root}&inHardship=true", "/api/v1/members?inHardship=true");
        await OnlyA(
            $"/api/v1/members/export?organizationId={_a.Root}&inHardship=true&format=Csv",
            "/api/v1/members/export?inHardship=true&format=Csv"
        );
        Assert.That(
            (await _scopedToA.GetAsync($"/api/v1/members/{_b.Full}/hardships")).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound)
        );
    }

    [TestCase("PoliticalBirthdays", "month=7&year=2026")]
    [TestCase("MedalCandidates", "year=2026")]
    [TestCase("ExpiringProbations", "withinDays=30")]
    public async Task The_yearly_lists_and_their_exports_show_none_of_a_later_sibling_region(
        string kind,
        string parameters
    )
    {
        await OnlyA(
            $"/api/v1/members/lists/{kind}?organizationId={_a.Root}&{parameters}",
            $"/api/v1/members/lists/{kind}?{parameters}"
        );
        await OnlyA(
            $"/api/v1/members/lists/{kind}/export?organizationId={_a.Root}&{parameters}&format=Csv",
            $"/api/v1/members/lists/{kind}/export?{parameters}&format=Csv"
        );
    }

    [Test]
    public async Task The_lost_contact_list_shows_none_of_a_later_sibling_region()
    {
        // Seven months on, everyone without organization life since is at risk.
        Clock.Set(ApiFactory.Start.AddMonths(7));
        try
        {
            await SignInAgain();
            using var scoped = await SignedInClient(_username, Password);
            var asAdmin = await Text(Client, $"/api/v1/members/lists/LostContact?organizationId={_a.Root}");
            var asScoped = await Text(scoped, "/api/v1/members/lists/LostContact");
            Assert.Multiple(() =>
            {
                Assert.That(asAdmin, Does.Contain(_a.Tag).And.Not.Contain(_b.Tag));
                Assert.That(asScoped, Does.Contain(_a.Tag).And.Not.Contain(_b.Tag));
            });
        }
        finally
        {
            Clock.Set(ApiFactory.Start);
            await SignInAgain();
            // A sign-in seven months on removed the scoped user's
            // sessions idle for a day, the fixture's one among them.
            _scopedToA.Dispose();
            _scopedToA = await SignedInClient(_username, Password);
        }
    }

    [TestCase("Outbox")]
    [TestCase("Inbox")]
    public async Task Transfers_and_their_export_show_none_of_a_later_sibling_region(string direction)
    {
        // The transfer lists have no organization filter: the caller's scope is the filter.
        var list = await Text(_scopedToA, $"/api/v1/members/transfers?direction={direction}");
        var export = await Text(_scopedToA, $"/api/v1/members/transfers/export?direction={direction}&format=Csv");
        var asAdmin = await Text(Client, $"/api/v1/members/transfers?direction={direction}&pageSize=200");
        Assert.Multiple(() =>
        {
            Assert.That(list, Does.Contain(_a.Tag).And.Not.Contain(_b.Tag));
            Assert.That(export, Does.Contain(_a.Tag).And.Not.Contain(_b.Tag));
            Assert.That(
                asAdmin,
                Does.Contain(_a.Tag).And.Contain(_b.Tag),
                "the administrator sees both regions' letters"
            );
        });
    }

    [Test]
    public async Task Community_reports_and_meetings_show_none_of_a_later_sibling_region()
    {
        await OnlyA(
            $"/api/v1/members/community-reports?communityOrganizationId={_a.Community}",
            $"/api/v1/members/community-reports?communityOrganizationId={_a.Community}"
        );
        await OnlyA(
            $"/api/v1/members/community-reports/export?communityOrganizationId={_a.Community}&format=Csv",
            $"/api/v1/members/community-reports/export?communityOrganizationId={_a.Community}&format=Csv"
        );
        await OnlyA(
            $"/api/v1/members/meetings?organizationId={_a.Branch}",
            $"/api/v1/members/meetings?organizationId={_a.Branch}"
        );
        await OnlyA(
            $"/api/v1/members/meetings/export?organizationId={_a.Branch}&format=Csv",
            $"/api/v1/members/meetings/export?organizationId={_a.Branch}&format=Csv"
        );
        Assert.Multiple(async () =>
        {
            Assert.That(
                (
                    await _scopedToA.GetAsync(
                        $"/api/v1/members/community-reports?communityOrganizationId={_b.Community}"
                    )
                ).StatusCode,
                Is.EqualTo(HttpStatusCode.NotFound)
            );
            Assert.That(
                (await _scopedToA.GetAsync($"/api/v1/members/meetings?organizationId={_b.Branch}")).StatusCode,
                Is.EqualTo(HttpStatusCode.NotFound)
            );
        });
    }

    [Test]
    public async Task Statistics_count_none_of_a_later_sibling_region()
    {
        var asAdmin = await Json.Read(
            await Get($"/api/v1/members/stats?organizationId={_a.Root}&admittedYear=2025"),
            HttpStatusCode.OK
        );
        var asScoped = await Json.Read(
            await _scopedToA.GetAsync("/api/v1/members/stats?admittedYear=2025"),
            HttpStatusCode.OK
        );
        var organizationStats = await Json.Read(await Get($"/api/v1/organizations/{_a.Root}/stats"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(asAdmin.GetProperty("members").GetInt64(), Is.EqualTo(3), "A's three members");
            Assert.That(asScoped.GetProperty("members").GetInt64(), Is.EqualTo(3));
            Assert.That(
                organizationStats.GetProperty("contributed").GetProperty("members").GetProperty("full").GetInt64(),
                Is.EqualTo(2),
                "the organization's figures from Members: A's two full members"
            );
        });
    }
}
