using System.Net;
using System.Text;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Members;

/// <summary>组织关系转接 between two regions, each with its own scoped member manager. Today is 2026-06-15.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class TransferTests(DatabaseProvider provider) : ApiTest(provider)
{
    private Guid _branchA;
    private Guid _branchB;
    private HttpClient _managerA = null!;
    private HttpClient _managerB = null!;

    [OneTimeSetUp]
    public async Task TwoRegions()
    {
        var regionA = await CreateOrganization(Unique("甲市委"), kind: "Committee", field: "Government");
        var regionB = await CreateOrganization(Unique("乙市委"), kind: "Committee", field: "Government");
        _branchA = (await CreateOrganization("甲支部", regionA.Id())).Id();
        _branchB = (await CreateOrganization("乙支部", regionB.Id())).Id();
        _managerA = await Manager("a", regionA.Id());
        _managerB = await Manager("b", regionB.Id());
    }

    private async Task<HttpClient> Manager(string suffix, Guid scope)
    {
        var username = Unique("manager-" + suffix);
        await Json.Read(
            await Post(
                "/api/v1/users",
                new NewUser(username, "管理员" + suffix, "Manager-Password-1", ["MemberManager"], scope)
            ),
            HttpStatusCode.Created
        );
        return await SignedInClient(username, "Manager-Password-1");
    }

    private Task<Guid> Member(string name) => RegisterMember(NewMember.Full(_branchA, name, birth: "1980-01-01"));

    private static Task<HttpResponseMessage> PostAs(HttpClient client, string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(
                JsonSerializer.Serialize(body, Json.Options),
                Encoding.UTF8,
                "application/json"
            ),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return client.SendAsync(request);
    }

    private static async Task<JsonElement> Transfers(HttpClient client, string query) =>
        await Json.Read(await client.GetAsync($"/api/v1/members/transfers?{query}"), HttpStatusCode.OK);

    [Test]
    public async Task The_member_moves_only_when_the_receiving_region_confirms()
    {
        var member = await Member("转接党员");
        var letter = await Json.Read(
            await PostAs(
                _managerA,
                $"/api/v1/members/{member}/transfers",
                new { toOrganizationId = _branchB, letterNumber = "鸡组转〔2026〕18号" }
            ),
            HttpStatusCode.Created
        );
        var second = await PostAs(
            _managerA,
            $"/api/v1/members/{member}/transfers",
            new { toOrganizationId = _branchB, letterNumber = "又一份" }
        );
        var beforeA = await _managerA.GetAsync($"/api/v1/members/{member}");
        var beforeB = await _managerB.GetAsync($"/api/v1/members/{member}");
        var inbox = await Transfers(_managerB, "direction=Inbox&status=Pending");
        var outbox = await Transfers(_managerA, "direction=Outbox");
        Assert.Multiple(async () =>
        {
            Assert.That(letter.Str("validUntil"), Is.EqualTo("2026-09-15"), "three months from today");
            Assert.That(
                (await Json.Problem(second, HttpStatusCode.Conflict)).Str("code"),
                Is.EqualTo("transfer_pending")
            );
            Assert.That(beforeA.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(
                beforeB.StatusCode,
                Is.EqualTo(HttpStatusCode.NotFound),
                "the receiving side sees the letter, not yet the member"
            );
            Assert.That(inbox.GetProperty("items").EnumerateArray().Select(t => t.Id()), Does.Contain(letter.Id()));
            Assert.That(outbox.GetProperty("items").EnumerateArray().Select(t => t.Id()), Does.Contain(letter.Id()));
        });

        // The sending side cannot confirm a letter to an organization in the system.
        Assert.That(
            (await PostAs(_managerA, $"/api/v1/members/transfers/{letter.Id()}/receipt", new { }, "\"1\"")).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound)
        );
        await Json.Problem(
            await PostAs(_managerB, $"/api/v1/members/transfers/{letter.Id()}/receipt", new { }, "\"7\""),
            HttpStatusCode.PreconditionFailed
        );
        var received = await Json.Read(
            await PostAs(_managerB, $"/api/v1/members/transfers/{letter.Id()}/receipt", new { }, "\"1\""),
            HttpStatusCode.OK
        );
        var afterA = await _managerA.GetAsync($"/api/v1/members/{member}");
        var afterB = await Json.Read(await _managerB.GetAsync($"/api/v1/members/{member}"), HttpStatusCode.OK);
        var history = await Transfers(_managerA, "direction=Outbox&status=Received");
        Assert.Multiple(() =>
        {
            Assert.That(received.Str("status"), Is.EqualTo("Received"));
            Assert.That(received.Str("receivedOn"), Is.EqualTo("2026-06-15"));
            Assert.That(afterA.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(afterB.GetProperty("organizationId").GetGuid(), Is.EqualTo(_branchB));
            Assert.That(
                history.GetProperty("items").EnumerateArray().Select(t => t.Id()),
                Does.Contain(letter.Id()),
                "the sending side keeps the history"
            );
        });
    }

    [Test]
    public async Task A_letter_is_addressed_through_the_directory_of_every_region_which_shows_names_only()
    {
        var found = await Json.Read(
            await _managerA.GetAsync("/api/v1/organizations/directory?q=乙支部"),
            HttpStatusCode.OK
        );
        var details = await _managerA.GetAsync($"/api/v1/organizations/{_branchB}");
        Assert.Multiple(async () =>
        {
            Assert.That(found.EnumerateArray().Select(o => o.Id()), Does.Contain(_branchB));
            Assert.That(found[0].EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "id", "name" }));
            Assert.That(
                details.StatusCode,
                Is.EqualTo(HttpStatusCode.NotFound),
                "outside the scope nothing else is visible"
            );
            await Json.Problem(
                await _managerA.GetAsync("/api/v1/organizations/directory?q=乙"),
                HttpStatusCode.BadRequest,
                field: "q"
            );
        });
    }

    [Test]
    public async Task An_expired_letter_is_listed_and_cannot_be_received()
    {
        var member = await Member("过期介绍信");
        var letter = await Json.Read(
            await PostAs(
                _managerA,
                $"/api/v1/members/{member}/transfers",
                new
                {
                    toOrganizationId = _branchB,
                    letterNumber = "鸡组转〔2026〕3号",
                    issuedOn = "2026-01-10",
                }
            ),
            HttpStatusCode.Created
        );
        var expired = await Transfers(_managerA, "direction=Outbox&expiredOnly=true");
        var refused = await Json.Problem(
            await PostAs(_managerB, $"/api/v1/members/transfers/{letter.Id()}/receipt", new { }, "\"1\""),
            HttpStatusCode.Conflict,
            code: "letter_expired"
        );
        Assert.Multiple(() =>
        {
            Assert.That(letter.GetProperty("expired").GetBoolean(), Is.True);
            Assert.That(expired.GetProperty("items").EnumerateArray().Select(t => t.Id()), Does.Contain(letter.Id()));
            Assert.That(refused.Str("validUntil"), Is.EqualTo("2026-04-10"));
        });
    }

    [Test]
    public async Task A_letter_across_provinces_is_valid_for_the_regions_longer_term()
    {
        var across = await Json.Read(
            await PostAs(
                _managerA,
                $"/api/v1/members/{await Member("跨省转出")}/transfers",
                new
                {
                    toExternal = "广东省某市委组织部",
                    letterNumber = Unique("跨省"),
                    acrossProvinces = true,
                }
            ),
            HttpStatusCode.Created
        );
        var within = await Json.Read(
            await PostAs(
                _managerA,
                $"/api/v1/members/{await Member("省内转出")}/transfers",
                new
                {
                    toExternal = "哈尔滨市某街道党工委",
                    letterNumber = Unique("省内"),
                    acrossProvinces = false,
                }
            ),
            HttpStatusCode.Created
        );
        Assert.Multiple(() =>
        {
            Assert.That(across.Str("validUntil"), Is.EqualTo("2026-12-15"), "six months by the default rule set");
            Assert.That(within.Str("validUntil"), Is.EqualTo("2026-09-15"), "three months");
        });
    }

    [Test]
    public async Task A_letter_outside_the_system_is_confirmed_by_the_sender_and_the_member_leaves_the_register()
    {
        var member = await Member("转出系统外");
        var letter = await Json.Read(
            await PostAs(
                _managerA,
                $"/api/v1/members/{member}/transfers",
                new { toExternal = "北京市海淀区某街道党工委", letterNumber = "鸡组转〔2026〕20号" }
            ),
            HttpStatusCode.Created
        );
        await Json.Read(
            await PostAs(
                _managerA,
                $"/api/v1/members/transfers/{letter.Id()}/receipt",
                new { receivedOn = "2026-06-15" },
                "\"1\""
            ),
            HttpStatusCode.OK
        );
        var after = await Json.Read(await _managerA.GetAsync($"/api/v1/members/{member}"), HttpStatusCode.OK);
        Assert.That(after.Str("status"), Is.EqualTo("TransferredOut"));
    }

    [Test]
    public async Task Members_in_service_report_to_their_residence_community_in_another_region_which_lists_them()
    {
        var member = await Member("双报到党员");
        var agency = (await CreateOrganization(Unique("某局机关党支部"), field: "Government")).Id();
        await Json.Problem(
            await PostAs(
                _managerA,
                $"/api/v1/members/{member}/community-reports",
                new { communityOrganizationId = agency }
            ),
            HttpStatusCode.Conflict,
            code: "not_a_residence_community"
        );
        var report = await Json.Read(
            await PostAs(
                _managerA,
                $"/api/v1/members/{member}/community-reports",
                new { communityOrganizationId = _branchB, reportedOn = "2026-03-01" }
            ),
            HttpStatusCode.Created
        );
        var seenByCommunity = await Json.Read(
            await _managerB.GetAsync($"/api/v1/members/community-reports?communityOrganizationId={_branchB}"),
            HttpStatusCode.OK
        );
        await Json.Problem(
            await _managerB.GetAsync(
                $"/api/v1/members/community-reports?communityOrganizationId={_branchB}&sort=nonsense"
            ),
            HttpStatusCode.BadRequest,
            field: "sort"
        );
        var byName = await Json.Read(
            await _managerB.GetAsync(
                $"/api/v1/members/community-reports?communityOrganizationId={_branchB}&sort=memberName"
            ),
            HttpStatusCode.OK
        );
        var notTheirs = await _managerA.GetAsync(
            $"/api/v1/members/community-reports?communityOrganizationId={_branchB}"
        );
        Assert.Multiple(() =>
        {
            Assert.That(report.Str("communityName"), Is.EqualTo("乙支部"));
            Assert.That(
                seenByCommunity.GetProperty("items").EnumerateArray().Select(r => r.Str("memberName")),
                Does.Contain("双报到党员")
            );
            Assert.That(seenByCommunity.GetProperty("items")[0].Str("memberOrganizationName"), Is.EqualTo("甲支部"));
            Assert.That(
                byName.GetProperty("items").EnumerateArray().Select(r => r.Id()),
                Is.EquivalentTo(seenByCommunity.GetProperty("items").EnumerateArray().Select(r => r.Id())),
                "the same reports, in the order asked"
            );
            Assert.That(
                notTheirs.StatusCode,
                Is.EqualTo(HttpStatusCode.NotFound),
                "the list belongs to the community's side"
            );
        });

        var retired = await RegisterMember(
            NewMember.Full(_branchA, "离退休党员", "1950-01-01", "1975-07-01", "1976-07-01", category: "Retired")
        );
        await Json.Problem(
            await PostAs(
                _managerA,
                $"/api/v1/members/{retired}/community-reports",
                new { communityOrganizationId = _branchB }
            ),
            HttpStatusCode.Conflict,
            code: "not_in_service"
        );
    }

    [Test]
    public async Task Racing_letters_for_one_member_give_one_letter_and_409s_never_a_500()
    {
        var member = await Member("并发转出");
        var responses = await Task.WhenAll(
            Enumerable
                .Range(1, 6)
                .Select(i =>
                    PostAs(
                        _managerA,
                        $"/api/v1/members/{member}/transfers",
                        new { toOrganizationId = _branchB, letterNumber = $"并发〔2026〕{i}号" }
                    )
                )
        );
        var outbox = await Transfers(_managerA, "direction=Outbox&status=Pending&pageSize=100");
        Assert.Multiple(() =>
        {
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(5));
            Assert.That(
                outbox.GetProperty("items").EnumerateArray().Count(t => t.GetProperty("memberId").GetGuid() == member),
                Is.EqualTo(1)
            );
        });
    }

    [Test]
    public async Task No_receipt_before_the_letter_and_no_dissolving_a_receiver_with_letters_pending()
    {
        var member = await Member("回执日期");
        var receiving = (await CreateOrganization(Unique("待接收支部"), _branchB)).Id();
        var letter = await Json.Read(
            await PostAs(
                _managerA,
                $"/api/v1/members/{member}/transfers",
                new
                {
                    toOrganizationId = receiving,
                    letterNumber = "鸡组转〔2026〕30号",
                    issuedOn = "2026-06-01",
                }
            ),
            HttpStatusCode.Created
        );
        await Json.Problem(
            await PostAs(
                _managerB,
                $"/api/v1/members/transfers/{letter.Id()}/receipt",
                new { receivedOn = "2026-05-31" },
                "\"1\""
            ),
            HttpStatusCode.BadRequest,
            field: "receivedOn"
        );
        var (_, etag) = await GetWithETag($"/api/v1/organizations/{receiving}");
        var dissolve = await Json.Problem(
            await Delete($"/api/v1/organizations/{receiving}", etag),
            HttpStatusCode.Conflict,
            code: "organization_has_pending_transfers"
        );
        var received = await Json.Read(
            await PostAs(
                _managerB,
                $"/api/v1/members/transfers/{letter.Id()}/receipt",
                new { receivedOn = "2026-06-01" },
                "\"1\""
            ),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(dissolve.GetProperty("transfers").GetInt64(), Is.EqualTo(1));
            Assert.That(received.Str("receivedOn"), Is.EqualTo("2026-06-01"), "on the issue day is fine");
        });
    }
}
