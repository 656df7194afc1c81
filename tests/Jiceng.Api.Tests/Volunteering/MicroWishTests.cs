using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Volunteering;

/// <summary>
/// Micro-wishes (微心愿): placed under the region's cap with the resident's name and phone protected, claimed by exactly
/// one claimant, delivered and received; every other step refused with a stable code; scope; counts. Today is
/// 2026-06-15.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class MicroWishTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Password = "Wish-Scoped-Password-1";
    private Guid _region;
    private Guid _community;
    private Guid _otherCommunity;
    private Guid _otherRegionWish;
    private HttpClient _scopedToRegion = null!;

    [OneTimeSetUp]
    public async Task TwoRegions()
    {
        _region = (await CreateOrganization(Unique("心愿区委"), kind: "Committee", field: "Government")).Id();
        _community = (await CreateOrganization("幸福社区党委", _region, "Committee")).Id();
        _otherCommunity = (await CreateOrganization("和平社区党委", _region, "Committee")).Id();
        var otherRegion = (await CreateOrganization(Unique("乙区委"), kind: "Committee", field: "Government")).Id();
        var otherCommunity = (await CreateOrganization("乙区社区", otherRegion, "Committee")).Id();
        _otherRegionWish = (await Place(otherCommunity, "乙区的心愿：一辆自行车", "赵乙区")).Id();
        var username = Unique("wish-coordinator");
        await Json.Read(
            await Post("/api/v1/users", NewUser.WithRole(username, Password, "VolunteerCoordinator", _region)),
            HttpStatusCode.Created
        );
        _scopedToRegion = await SignedInClient(username, Password);
    }

    [OneTimeTearDown]
    public void Dispose() => _scopedToRegion?.Dispose();

    private object WishBody(Guid community, string description, string name, decimal value = 80m) =>
        new
        {
            organizationId = community,
            kind = "ChildLeftBehind",
            description,
            estimatedValue = value,
            personName = name,
            personPhone = "13812345678",
        };

    private async Task<JsonElement> Place(Guid community, string description, string name, decimal value = 80m) =>
        await Json.Read(
            await Post("/api/v1/volunteering/wishes", WishBody(community, description, name, value)),
            HttpStatusCode.Created
        );

    private Task<HttpResponseMessage> Step(Guid wish, string step, object body, string? ifMatch) =>
        Post($"/api/v1/volunteering/wishes/{wish}/{step}", body, ifMatch);

    private object ClaimBy(Guid organization) => new { claimant = new { kind = "Organization", id = organization } };

    [Test]
    public async Task A_wish_shows_the_residents_name_and_phone_masked_and_a_reveal_with_a_reason_shows_them_whole()
    {
        var wish = await Place(_community, "一套初中数学辅导书", "王小明");
        Assert.Multiple(() =>
        {
            Assert.That(wish.Str("personName"), Is.EqualTo("王**"));
            Assert.That(wish.Str("personPhone"), Is.EqualTo("138****5678"));
            Assert.That(wish.Str("state"), Is.EqualTo("Open"));
            Assert.That(wish.GetProperty("estimatedValue").GetDecimal(), Is.EqualTo(80m));
            Assert.That(wish.Str("organizationName"), Is.EqualTo("幸福社区党委"));
        });

        var list = await (
            await Get($"/api/v1/volunteering/wishes?organizationId={_community}")
        ).Content.ReadAsStringAsync();
        var csv = await (
            await Get($"/api/v1/volunteering/wishes/export?organizationId={_community}&format=Csv")
        ).Content.ReadAsStringAsync();
        var got = await Get($"/api/v1/volunteering/wishes/{wish.Id()}");
        var one = await got.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            foreach (var (what, text) in new[] { ("list", list), ("export", csv), ("get", one) })
            {
                Assert.That(text, Does.Contain("一套初中数学辅导书"), what);
                Assert.That(text, Does.Not.Contain("王小明").And.Not.Contain("13812345678"), what);
                Assert.That(text, Does.Contain("138****5678"), what);
            }
            Assert.That(got.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
        });

        await Json.Problem(
            await Post($"/api/v1/volunteering/wishes/{wish.Id()}/reveal", new { field = "PersonName", reason = "短" }),
            HttpStatusCode.BadRequest,
            field: "reason"
        );
        var revealed = await Json.Read(
            await Post(
                $"/api/v1/volunteering/wishes/{wish.Id()}/reveal",
                new { field = "PersonPhone", reason = "联系心愿人约定送达时间" }
            ),
            HttpStatusCode.OK
        );
        Assert.That(revealed.Str("value"), Is.EqualTo("13812345678"));
        var coordinatorReveal = await _scopedToRegion.PostAsJsonAsync(
            $"/api/v1/volunteering/wishes/{wish.Id()}/reveal",
            new { field = "PersonName", reason = "联系心愿人约定送达时间" }
        );
        Assert.That(coordinatorReveal.StatusCode, Is.EqualTo(HttpStatusCode.OK), "coordinators call residents back");
        var viewerName = Unique("wish-viewer");
        await Json.Read(
            await Post("/api/v1/users", NewUser.WithRole(viewerName, Password, "Viewer", _region)),
            HttpStatusCode.Created
        );
        using var viewer = await SignedInClient(viewerName, Password);
        var viewerReveal = await viewer.PostAsJsonAsync(
            $"/api/v1/volunteering/wishes/{wish.Id()}/reveal",
            new { field = "PersonName", reason = "联系心愿人约定送达时间" }
        );
        Assert.That(viewerReveal.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a viewer sees masks only");
    }

    [Test]
    public async Task A_wish_worth_more_than_the_regions_cap_is_400_on_its_value_and_the_cap_is_local()
    {
        await Place(_community, "一台收音机", "李大爷", 200m);
        var over = await Post("/api/v1/volunteering/wishes", WishBody(_community, "一台电视机", "李大爷", 200.01m));
        var problem = await Json.Problem(over, HttpStatusCode.BadRequest, field: "estimatedValue");
        Assert.That(problem.GetProperty("errors").GetProperty("estimatedValue")[0].GetString(), Does.Contain("200"));

        // A region that lowers its cap to 100 yuan refuses a 150-yuan wish.
        var ruleSet = await Json.Read(
            await Post("/api/v1/rule-sets", new { regionRootId = _region, name = "心愿区规则" }),
            HttpStatusCode.Created
        );
        var (body, etag) = await GetWithETag($"/api/v1/rule-sets/{ruleSet.Id()}");
        var document = JsonNode.Parse(body.GetProperty("document").GetRawText())!;
        document["volunteering"]!["wishPriceCapFen"] = new JsonObject
        {
            ["value"] = 10000,
            ["source"] = "本区规定：微心愿不超过 100 元",
        };
        await Json.Read(
            await Put($"/api/v1/rule-sets/{ruleSet.Id()}", new { name = "心愿区规则", document }, etag),
            HttpStatusCode.OK
        );
        try
        {
            await Json.Problem(
                await Post("/api/v1/volunteering/wishes", WishBody(_community, "一台电风扇", "李大爷", 150m)),
                HttpStatusCode.BadRequest,
                field: "estimatedValue"
            );
        }
        finally
        {
            var (current, currentTag) = await GetWithETag($"/api/v1/rule-sets/{ruleSet.Id()}");
            var reset = JsonNode.Parse(current.GetProperty("document").GetRawText())!;
            reset["volunteering"]!["wishPriceCapFen"]!["value"] = 20000;
            await Json.Read(
                await Put(
                    $"/api/v1/rule-sets/{ruleSet.Id()}",
                    new { name = "心愿区规则", document = reset },
                    currentTag
                ),
                HttpStatusCode.OK
            );
        }
    }

    [Test]
    public async Task A_wish_is_claimed_delivered_and_received_and_every_other_step_is_refused_with_its_code()
    {
        var wish = (await Place(_community, "一双运动鞋", "张小花")).Id();
        await Json.Problem(
            await Step(wish, "delivery", new { deliveredOn = "2026-06-15" }, "\"1\""),
            HttpStatusCode.Conflict,
            code: "wish_step_not_allowed"
        );
        await Json.Problem(await Step(wish, "claim", ClaimBy(_otherCommunity), null), (HttpStatusCode)428);
        await Json.Problem(
            await Step(wish, "claim", ClaimBy(_otherCommunity), "\"7\""),
            HttpStatusCode.PreconditionFailed
        );

        var claimed = await Json.Read(await Step(wish, "claim", ClaimBy(_otherCommunity), "\"1\""), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(claimed.Str("state"), Is.EqualTo("Claimed"));
            Assert.That(claimed.Str("claimantName"), Is.EqualTo("和平社区党委"));
            Assert.That(claimed.Str("claimedOn"), Is.EqualTo("2026-06-15"));
            Assert.That(
                claimed.GetProperty("allowedSteps").EnumerateArray().Select(s => s.GetString()),
                Is.EqualTo(new[] { "Deliver", "Cancel" })
            );
        });
        var again = await Json.Problem(
            await Step(wish, "claim", ClaimBy(_community), "\"2\""),
            HttpStatusCode.Conflict,
            code: "wish_already_claimed"
        );
        Assert.That(again.GetProperty("allowedSteps").GetArrayLength(), Is.EqualTo(2));
        await Json.Problem(
            await Step(wish, "delivery", new { deliveredOn = "2026-06-14" }, "\"2\""),
            HttpStatusCode.Conflict,
            code: "wish_delivered_before_claimed"
        );
        await Json.Problem(
            await Step(wish, "delivery", new { deliveredOn = "2026-06-16" }, "\"2\""),
            HttpStatusCode.BadRequest,
            field: "deliveredOn"
        );

        var delivered = await Json.Read(
            await Step(wish, "delivery", new { deliveredOn = "2026-06-15", note = "送到家中" }, "\"2\""),
            HttpStatusCode.OK
        );
        Assert.That(delivered.Str("state"), Is.EqualTo("Delivered"));
        await Json.Problem(
            await Step(wish, "cancellation", new { reason = "不再需要" }, "\"3\""),
            HttpStatusCode.Conflict,
            code: "wish_step_not_allowed"
        );
        var received = await Json.Read(
            await Step(wish, "receipt", new { receivedOn = "2026-06-15", note = "孩子很喜欢" }, "\"3\""),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(received.Str("state"), Is.EqualTo("Received"));
            Assert.That(received.Str("receiptNote"), Is.EqualTo("孩子很喜欢"));
            Assert.That(received.GetProperty("allowedSteps").GetArrayLength(), Is.Zero);
        });
        await Json.Problem(
            await Step(wish, "receipt", new { receivedOn = "2026-06-15" }, "\"4\""),
            HttpStatusCode.Conflict,
            code: "wish_step_not_allowed"
        );
    }

    [Test]
    public async Task A_claim_names_a_member_team_or_organization_in_scope_and_a_cancelled_wish_keeps_its_reason()
    {
        var wish = (await Place(_community, "一个书包", "周小红")).Id();
        await Json.Problem(
            await Step(wish, "claim", new { claimant = new { kind = "Member", id = Guid.NewGuid() } }, "\"1\""),
            HttpStatusCode.BadRequest,
            field: "claimant.id"
        );
        await Json.Problem(
            await Step(wish, "claim", new { claimant = new { kind = "Team", id = Guid.NewGuid() } }, "\"1\""),
            HttpStatusCode.BadRequest,
            field: "claimant.id"
        );
        var member = await RegisterMember(
            new NewMember
            {
                OrganizationId = _community,
                Name = "陈志愿",
                IdNumber = TestIdNumbers.For("1980-05-05"),
                Category = "Retired",
                Stage = "Full",
                JoinedOn = "2005-07-01",
                FullMemberOn = "2006-07-01",
            }
        );
        var claimed = await Json.Read(
            await Step(wish, "claim", new { claimant = new { kind = "Member", id = member } }, "\"1\""),
            HttpStatusCode.OK
        );
        Assert.That(claimed.Str("claimantName"), Is.EqualTo("陈志愿"));
        await Json.Problem(
            await Step(wish, "cancellation", new { reason = " " }, "\"2\""),
            HttpStatusCode.BadRequest,
            field: "reason"
        );
        var cancelled = await Json.Read(
            await Step(wish, "cancellation", new { reason = "心愿人已随子女外出" }, "\"2\""),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(cancelled.Str("state"), Is.EqualTo("Cancelled"));
            Assert.That(cancelled.Str("cancelReason"), Is.EqualTo("心愿人已随子女外出"));
            Assert.That(cancelled.Str("cancelledOn"), Is.EqualTo("2026-06-15"));
        });
    }

    [Test]
    public async Task Of_simultaneous_claims_of_one_wish_exactly_one_succeeds_and_the_others_are_told_it_is_claimed()
    {
        var wish = (await Place(_community, "一盏护眼台灯", "刘小军")).Id();
        var attempts = Enumerable
            .Range(0, 32)
            .Select(i => Step(wish, "claim", ClaimBy(i % 2 == 0 ? _community : _otherCommunity), "\"1\""))
            .ToList();
        var responses = await Task.WhenAll(attempts);
        var statuses = responses.Select(r => r.StatusCode).ToList();
        var codes = new List<string?>();
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            codes.Add((await Json.Read(refused, HttpStatusCode.Conflict)).Str("code"));
        }
        var (current, _) = await GetWithETag($"/api/v1/volunteering/wishes/{wish}");
        Assert.Multiple(() =>
        {
            Assert.That(statuses.Count(s => s == HttpStatusCode.OK), Is.EqualTo(1), string.Join(",", statuses));
            Assert.That(statuses.Count(s => s == HttpStatusCode.Conflict), Is.EqualTo(31), string.Join(",", statuses));
            Assert.That(codes, Is.All.EqualTo("wish_already_claimed"));
            Assert.That(current.Str("state"), Is.EqualTo("Claimed"));
            Assert.That(current.GetProperty("version").GetInt64(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Another_regions_wish_is_404_and_never_in_a_scoped_list_export_or_count()
    {
        await Place(_community, "区内心愿：一副羽毛球拍", "孙小强");
        var url = $"/api/v1/volunteering/wishes/{_otherRegionWish}";
        var list = await (
            await _scopedToRegion.GetAsync("/api/v1/volunteering/wishes?pageSize=200")
        ).Content.ReadAsStringAsync();
        var export = await (
            await _scopedToRegion.GetAsync("/api/v1/volunteering/wishes/export?format=Csv")
        ).Content.ReadAsStringAsync();
        var counts = await Json.Read(
            await _scopedToRegion.GetAsync("/api/v1/volunteering/wishes/counts?year=2026"),
            HttpStatusCode.OK
        );
        var get = await _scopedToRegion.GetAsync(url);
        using var claim = new HttpRequestMessage(HttpMethod.Post, url + "/claim")
        {
            Content = new StringContent(
                JsonSerializer.Serialize(ClaimBy(_community), Json.Options),
                System.Text.Encoding.UTF8,
                "application/json"
            ),
        };
        claim.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var claimed = await _scopedToRegion.SendAsync(claim);
        var unknown = await _scopedToRegion.GetAsync("/api/v1/volunteering/wishes?organizationId=" + Guid.NewGuid());
        Assert.Multiple(() =>
        {
            Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(claimed.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(list, Does.Contain("一副羽毛球拍").And.Not.Contain("乙区的心愿"));
            Assert.That(export, Does.Contain("一副羽毛球拍").And.Not.Contain("乙区的心愿"));
            Assert.That(
                counts.GetProperty("items").EnumerateArray().Select(i => i.Str("organizationName")),
                Has.None.EqualTo("乙区社区")
            );
        });
    }

    [Test]
    public async Task Counts_per_community_and_year_follow_how_far_each_wish_got()
    {
        var community = (await CreateOrganization("计数社区党委", _region, "Committee")).Id();
        var open = (await Place(community, "计数：一本字典", "甲")).Id();
        var claimed = (await Place(community, "计数：一个篮球", "乙")).Id();
        var received = (await Place(community, "计数：一件棉衣", "丙")).Id();
        var cancelled = (await Place(community, "计数：一把雨伞", "丁")).Id();
        await Json.Read(await Step(claimed, "claim", ClaimBy(community), "\"1\""), HttpStatusCode.OK);
        await Json.Read(await Step(received, "claim", ClaimBy(community), "\"1\""), HttpStatusCode.OK);
        await Json.Read(
            await Step(received, "delivery", new { deliveredOn = "2026-06-15" }, "\"2\""),
            HttpStatusCode.OK
        );
        await Json.Read(await Step(received, "receipt", new { receivedOn = "2026-06-15" }, "\"3\""), HttpStatusCode.OK);
        await Json.Read(await Step(cancelled, "cancellation", new { reason = "重复登记" }, "\"1\""), HttpStatusCode.OK);
        Assert.That(open, Is.Not.EqualTo(Guid.Empty));

        var counts = await Json.Read(
            await Get($"/api/v1/volunteering/wishes/counts?organizationId={community}&year=2026"),
            HttpStatusCode.OK
        );
        var lastYear = await Json.Read(
            await Get($"/api/v1/volunteering/wishes/counts?organizationId={community}&year=2025"),
            HttpStatusCode.OK
        );
        var row = counts.GetProperty("items").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(row.Str("organizationName"), Is.EqualTo("计数社区党委"));
            Assert.That(row.GetProperty("placed").GetInt64(), Is.EqualTo(4));
            Assert.That(row.GetProperty("open").GetInt64(), Is.EqualTo(1));
            Assert.That(row.GetProperty("claimed").GetInt64(), Is.EqualTo(2));
            Assert.That(row.GetProperty("delivered").GetInt64(), Is.EqualTo(1));
            Assert.That(row.GetProperty("received").GetInt64(), Is.EqualTo(1));
            Assert.That(row.GetProperty("cancelled").GetInt64(), Is.EqualTo(1));
            Assert.That(counts.GetProperty("total").GetProperty("placed").GetInt64(), Is.EqualTo(4));
            Assert.That(lastYear.GetProperty("items").GetArrayLength(), Is.Zero);
        });
        var filtered = await Json.Read(
            await Get($"/api/v1/volunteering/wishes?organizationId={community}&state=Claimed&year=2026"),
            HttpStatusCode.OK
        );
        Assert.That(filtered.GetProperty("total").GetInt64(), Is.EqualTo(1));
    }

    [Test]
    public async Task The_public_wall_shows_the_regions_wishes_without_personal_data_and_a_region_can_turn_it_off()
    {
        var shown = (await Place(_community, "墙上的心愿：一套水彩笔", "吴小美")).Id();
        var gone = (await Place(_community, "墙上不显示：取消的心愿", "吴小美")).Id();
        await Json.Read(await Step(gone, "cancellation", new { reason = "重复登记" }, "\"1\""), HttpStatusCode.OK);

        var response = await Anonymous.GetAsync($"/api/v1/public/wishes/{_region}?pageSize=200");
        var text = await response.Content.ReadAsStringAsync();
        var wall = await Json.Read(response, HttpStatusCode.OK);
        var item = wall.GetProperty("items").EnumerateArray().Single(i => i.Id() == shown);
        Assert.Multiple(() =>
        {
            Assert.That(item.Str("communityName"), Is.EqualTo("幸福社区党委"));
            Assert.That(item.Str("state"), Is.EqualTo("Open"));
            Assert.That(
                item.EnumerateObject().Select(p => p.Name),
                Is.EquivalentTo(
                    new[] { "id", "communityName", "kind", "description", "state", "placedOn", "deliveredOn" }
                )
            );
            // A masked phone ("****") or the whole number must not show; a bare "138" can occur in a random id.
            Assert.That(text, Does.Not.Contain("吴").And.Not.Contain("13812345678").And.Not.Contain("****"));
            Assert.That(text, Does.Not.Contain("取消的心愿"));
            Assert.That(text, Does.Not.Contain("乙区的心愿"));
        });

        // Not a region (a community), and no such organization: the same 404.
        Assert.That(
            (await Anonymous.GetAsync($"/api/v1/public/wishes/{_community}")).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound)
        );
        Assert.That(
            (await Anonymous.GetAsync($"/api/v1/public/wishes/{Guid.NewGuid()}")).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound)
        );

        var region = (await CreateOrganization(Unique("关墙区委"), kind: "Committee", field: "Government")).Id();
        var community = (await CreateOrganization("关墙社区", region, "Committee")).Id();
        await Place(community, "关墙区的心愿", "郑某");
        Assert.That(
            (await Anonymous.GetAsync($"/api/v1/public/wishes/{region}")).StatusCode,
            Is.EqualTo(HttpStatusCode.OK)
        );
        var ruleSet = await Json.Read(
            await Post("/api/v1/rule-sets", new { regionRootId = region, name = "关墙规则" }),
            HttpStatusCode.Created
        );
        var (body, etag) = await GetWithETag($"/api/v1/rule-sets/{ruleSet.Id()}");
        var document = JsonNode.Parse(body.GetProperty("document").GetRawText())!;
        document["volunteering"]!["publicWishWall"] = new JsonObject
        {
            ["value"] = 0,
            ["source"] = "本区规定：微心愿只在内部认领",
        };
        await Json.Read(
            await Put($"/api/v1/rule-sets/{ruleSet.Id()}", new { name = "关墙规则", document }, etag),
            HttpStatusCode.OK
        );
        Assert.That(
            (await Anonymous.GetAsync($"/api/v1/public/wishes/{region}")).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound)
        );
    }
}

/// <summary>The anonymous wall has its own per-address limit on top of the global one.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class PublicWishWallRateLimitTests(DatabaseProvider provider) : ApiTest(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["RateLimiting:PublicWishWallPermitLimit"] = "3" };

    [Test]
    public async Task The_fourth_read_of_the_wall_in_a_minute_from_one_address_is_429_with_retry_after()
    {
        var region = (await CreateOrganization(Unique("限流区委"), kind: "Committee", field: "Government")).Id();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await Anonymous.GetAsync($"/api/v1/public/wishes/{region}");
            statuses.Add(last.StatusCode);
        }
        Assert.That(
            statuses,
            Is.EqualTo(
                new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }
            )
        );
        Assert.That(last.Headers.RetryAfter, Is.Not.Null);
        await Json.Problem(last, HttpStatusCode.TooManyRequests);
        // Signed-in pages are not held back by the wall's limit.
        Assert.That((await Get("/api/v1/volunteering/wishes")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
