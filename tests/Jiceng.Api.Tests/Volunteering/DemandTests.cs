using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Volunteering;

/// <summary>
/// 群众点单 from order to rating, through HTTP on each database: every step allowed and refused, If-Match, the
/// timeline, masking, deadlines in working days, the overdue list, claims (one claimant, no hoarding, stale claims
/// released), scope, the API client's order with Idempotency-Key, reveal and export.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class DemandTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Demands = "/api/v1/volunteering/demands";

    [TearDown]
    public void BackToStart() => Clock.Set(ApiFactory.Start);

    private async Task<(Guid Root, Guid Community, Guid Branch)> Region(string tag)
    {
        var root = (await CreateOrganization(tag + "街道党工委", kind: "Committee", field: "Government")).Id();
        var community = (await CreateOrganization(tag + "社区党委", root, kind: "Committee")).Id();
        var branch = (await CreateOrganization(tag + "第一支部", community)).Id();
        return (root, community, branch);
    }

    private async Task<Guid> Member(Guid branch, string name) =>
        await RegisterMember(
            new NewMember
            {
                OrganizationId = branch,
                Name = name,
                IdNumber = TestIdNumbers.For("1980-05-05"),
                Category = "InService",
                Stage = "Full",
                JoinedOn = "2005-07-01",
                FullMemberOn = "2006-07-01",
            }
        );

    private async Task<JsonElement> Place(Guid community, string? wishedOn = null, HttpClient? client = null)
    {
        var body = new
        {
            organizationId = community,
            category = "助老助残",
            description = "独居老人家中水管漏水，需要上门维修",
            requesterName = "王秀兰",
            requesterPhone = "13812345678",
            urgency = "Urgent",
            wishedOn,
        };
        if (client is null)
        {
            return await Json.Read(await Post(Demands, body), HttpStatusCode.Created);
        }
        return await Json.Read(await client.PostAsJsonAsync(Demands, body, Json.Options), HttpStatusCode.Created);
    }

    private static string ETag(JsonElement demand) => $"\"{demand.GetProperty("version").GetInt64()}\"";

    private async Task<JsonElement> Step(JsonElement demand, string step, object body) =>
        await Json.Read(await Post($"{Demands}/{demand.Id()}/{step}", body, ETag(demand)), HttpStatusCode.OK);

    private static object To(string kind, Guid id) => new { claimant = new { kind, id } };

    [Test]
    public async Task A_demand_goes_from_order_to_follow_up_with_every_step_on_its_timeline()
    {
        var (_, community, branch) = await Region(Unique("闭环"));
        var helper = await Member(branch, "李志愿");
        var demand = await Place(community, wishedOn: "2026-06-30");
        Assert.Multiple(() =>
        {
            Assert.That(demand.Str("state"), Is.EqualTo("Submitted"));
            Assert.That(demand.Str("requesterName"), Is.EqualTo("王**"), "the name is masked");
            Assert.That(demand.Str("requesterPhone"), Is.EqualTo("138****5678"), "the phone is masked");
            Assert.That(demand.Str("channel"), Is.EqualTo("Staff"));
            Assert.That(demand.GetProperty("deadlines").Str("acceptBy"), Is.EqualTo("2026-06-16"));
            Assert.That(demand.GetProperty("deadlines").Str("completeBy"), Is.EqualTo("2026-06-30"));
            Assert.That(
                demand.GetProperty("allowedSteps").EnumerateArray().Select(s => s.GetString()),
                Is.EqualTo(new[] { "Accept", "Reject", "Cancel" })
            );
        });

        demand = await Step(demand, "accept", new { note = "已电话联系" });
        Assert.That(demand.GetProperty("deadlines").Str("assignBy"), Is.EqualTo("2026-06-18"), "3 working days");
        demand = await Step(demand, "dispatch", To("Member", helper));
        Assert.That(demand.GetProperty("claimant").Str("name"), Is.EqualTo("李志愿"));
        Assert.That(demand.Str("assignment"), Is.EqualTo("Dispatched"));
        demand = await Step(demand, "start", new { note = "已上门" });
        demand = await Step(
            demand,
            "complete",
            new
            {
                workDone = "更换水管接头",
                helpers = new object[] { new { memberId = helper, hours = 1.5 }, new { name = "张师傅", hours = 1 } },
                value = 80.00m,
            }
        );
        Assert.Multiple(() =>
        {
            Assert.That(demand.GetProperty("serviceHours").GetDecimal(), Is.EqualTo(2.5m));
            Assert.That(demand.GetProperty("value").GetDecimal(), Is.EqualTo(80.00m));
            Assert.That(demand.GetProperty("helpers").GetArrayLength(), Is.EqualTo(2));
        });
        demand = await Step(demand, "rate", new { stars = 5, comment = "很及时" });
        demand = await Step(demand, "close", new { });
        demand = await Step(demand, "follow-up", new { outcome = "老人表示满意" });

        var (whole, etag) = await GetWithETag($"{Demands}/{demand.Id()}");
        Assert.Multiple(() =>
        {
            Assert.That(whole.Str("state"), Is.EqualTo("Closed"));
            Assert.That(etag, Is.EqualTo(ETag(whole)));
            Assert.That(
                whole.GetProperty("steps").EnumerateArray().Select(s => s.Str("step")),
                Is.EqualTo(new[] { "Submit", "Accept", "Dispatch", "Start", "Complete", "Rate", "Close", "FollowUp" })
            );
            Assert.That(
                whole.GetProperty("steps").EnumerateArray().Select(s => s.Str("recordedBy")),
                Is.All.Not.Empty,
                "each step says who"
            );
            Assert.That(whole.GetProperty("steps")[1].Str("note"), Is.EqualTo("已电话联系"));
            Assert.That(whole.GetProperty("stars").GetInt32(), Is.EqualTo(5));
        });
    }

    [Test]
    public async Task A_step_the_state_does_not_allow_is_409_with_the_allowed_steps_and_a_stale_copy_is_412()
    {
        var (_, community, _) = await Region(Unique("拒绝"));
        var demand = await Place(community);
        var early = await Json.Problem(
            await Post($"{Demands}/{demand.Id()}/start", new { }, ETag(demand)),
            HttpStatusCode.Conflict,
            "demand_wrong_state"
        );
        Assert.That(
            early.GetProperty("allowedSteps").EnumerateArray().Select(s => s.GetString()),
            Is.EqualTo(new[] { "Accept", "Reject", "Cancel" })
        );
        Assert.That(
            (await Post($"{Demands}/{demand.Id()}/accept", new { })).StatusCode,
            Is.EqualTo(HttpStatusCode.PreconditionRequired),
            "If-Match is required"
        );
        await Json.Problem(
            await Post($"{Demands}/{demand.Id()}/reject", new { reason = "" }, ETag(demand)),
            HttpStatusCode.BadRequest,
            field: "reason"
        );
        var rejected = await Step(demand, "reject", new { reason = "不属于志愿服务范围，已转交物业" });
        Assert.That(rejected.Str("reason"), Is.EqualTo("不属于志愿服务范围，已转交物业"));
        Assert.That(
            (await Post($"{Demands}/{demand.Id()}/accept", new { }, ETag(demand))).StatusCode,
            Is.EqualTo(HttpStatusCode.PreconditionFailed),
            "a stale copy is 412 before any state rule"
        );
        var closed = await Json.Problem(
            await Post($"{Demands}/{demand.Id()}/accept", new { }, ETag(rejected)),
            HttpStatusCode.Conflict,
            "demand_wrong_state"
        );
        Assert.That(closed.GetProperty("allowedSteps").GetArrayLength(), Is.Zero, "a rejected demand is final");
    }

    [Test]
    public async Task Cancel_redispatch_and_reopen_are_where_a_user_expects_them()
    {
        var (_, community, branch) = await Region(Unique("改派"));
        var first = await Member(branch, "赵一");
        var second = await Member(branch, "钱二");
        var demand = await Step(await Place(community), "accept", new { });
        demand = await Step(demand, "dispatch", To("Member", first));
        await Json.Problem(
            await Post($"{Demands}/{demand.Id()}/redispatch", To("Member", first), ETag(demand)),
            HttpStatusCode.Conflict,
            "demand_same_claimant"
        );
        demand = await Step(demand, "start", new { });
        demand = await Step(demand, "redispatch", To("Member", second));
        Assert.Multiple(() =>
        {
            Assert.That(demand.Str("state"), Is.EqualTo("Assigned"));
            Assert.That(demand.GetProperty("claimant").Str("name"), Is.EqualTo("钱二"));
        });
        demand = await Step(demand, "start", new { });
        demand = await Step(
            demand,
            "complete",
            new { workDone = "清理楼道", helpers = new[] { new { memberId = second, hours = 2 } } }
        );
        demand = await Step(demand, "reopen", new { reason = "群众反映问题未解决" });
        Assert.Multiple(() =>
        {
            Assert.That(demand.Str("state"), Is.EqualTo("Accepted"));
            Assert.That(demand.GetProperty("claimant").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
        demand = await Step(demand, "cancel", new { reason = "群众已自行解决" });
        Assert.That(demand.Str("state"), Is.EqualTo("Cancelled"));
        await Json.Problem(
            await Post($"{Demands}/{demand.Id()}/dispatch", To("Member", first), ETag(demand)),
            HttpStatusCode.Conflict,
            "demand_wrong_state"
        );
        await Json.Problem(
            await Post($"{Demands}/{demand.Id()}/follow-up", new { outcome = "回访" }, ETag(demand)),
            HttpStatusCode.Conflict,
            "demand_wrong_state"
        );
    }

    [Test]
    public async Task A_claimed_demand_refuses_a_second_claim_and_a_claimant_cannot_hoard()
    {
        var (_, community, branch) = await Region(Unique("接单"));
        var member = await Member(branch, "孙接单");
        var other = await Member(branch, "周接单");
        var demand = await Step(await Step(await Place(community), "accept", new { }), "open", new { });
        var claimed = await Step(demand, "claim", To("Member", member));
        Assert.That(claimed.Str("assignment"), Is.EqualTo("Claimed"));
        await Json.Problem(
            await Post($"{Demands}/{demand.Id()}/claim", To("Member", other), ETag(demand)),
            HttpStatusCode.Conflict,
            "demand_already_claimed"
        );
        await Json.Problem(
            await Post($"{Demands}/{demand.Id()}/claim", To("Member", other), ETag(claimed)),
            HttpStatusCode.Conflict,
            "demand_already_claimed"
        );
        await Json.Problem(
            await Post($"{Demands}/{demand.Id()}/claim", To("Team", Guid.NewGuid()), ETag(claimed)),
            HttpStatusCode.Conflict,
            "demand_already_claimed"
        );

        for (var i = 1; i < 5; i++)
        {
            await Step(
                await Step(await Step(await Place(community), "accept", new { }), "open", new { }),
                "claim",
                To("Member", member)
            );
        }
        var sixth = await Step(await Step(await Place(community), "accept", new { }), "open", new { });
        var hoarding = await Json.Problem(
            await Post($"{Demands}/{sixth.Id()}/claim", To("Member", member), ETag(sixth)),
            HttpStatusCode.Conflict,
            "too_many_open_claims"
        );
        Assert.That(hoarding.GetProperty("max").GetInt32(), Is.EqualTo(5));
        await Json.Problem(
            await Post($"{Demands}/{sixth.Id()}/claim", To("Member", Guid.NewGuid()), ETag(sixth)),
            HttpStatusCode.BadRequest,
            field: "claimant.id"
        );
        var byOther = await Step(sixth, "claim", To("Member", other));
        Assert.That(byOther.GetProperty("claimant").Str("name"), Is.EqualTo("周接单"));
    }

    [Test]
    public async Task Deadlines_count_working_days_across_a_holiday_and_late_demands_are_listed_for_the_level_above()
    {
        var tag = Unique("端午");
        var (root, community, _) = await Region(tag);
        // Thursday 18 June 2026: the next working day is Monday 22 June (端午节 19–21 June).
        Clock.Set(new DateTimeOffset(2026, 6, 18, 2, 0, 0, TimeSpan.Zero));
        await SignInAgain();
        var demand = await Place(community);
        Assert.That(demand.GetProperty("deadlines").Str("acceptBy"), Is.EqualTo("2026-06-22"));
        Assert.That(demand.GetProperty("daysLate").ValueKind, Is.EqualTo(JsonValueKind.Null));

        Clock.Set(new DateTimeOffset(2026, 6, 25, 2, 0, 0, TimeSpan.Zero));
        await SignInAgain();
        var overdue = await Json.Read(await Get($"{Demands}?overdue=true&organizationId={root}"), HttpStatusCode.OK);
        var late = overdue.GetProperty("items").EnumerateArray().Single(d => d.Id() == demand.Id());
        Assert.Multiple(() =>
        {
            Assert.That(late.GetProperty("daysLate").GetInt32(), Is.EqualTo(3), "due 22 June, today 25 June");
            Assert.That(late.Str("dueOn"), Is.EqualTo("2026-06-22"));
        });
        var board = await Json.Read(await Get($"{Demands}/board?organizationId={root}"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(board.GetProperty("overdue").GetInt64(), Is.EqualTo(1));
            Assert.That(
                board
                    .GetProperty("columns")
                    .EnumerateArray()
                    .Single(c => c.Str("state") == "Submitted")
                    .GetProperty("count")
                    .GetInt64(),
                Is.EqualTo(1)
            );
        });
        var accepted = await Step(late, "accept", new { });
        // Accepted Thursday 25 June: 26, 29, 30 June are the three working days.
        Assert.That(accepted.GetProperty("deadlines").Str("assignBy"), Is.EqualTo("2026-06-30"));
        var still = await Json.Read(await Get($"{Demands}?overdue=true&organizationId={root}"), HttpStatusCode.OK);
        Assert.That(still.GetProperty("total").GetInt64(), Is.Zero, "on time again at its new step");
        Clock.Set(ApiFactory.Start);
        await SignInAgain();
    }

    [Test]
    public async Task A_claim_without_progress_for_the_regions_days_is_released_and_recorded()
    {
        var (_, community, branch) = await Region(Unique("超时"));
        var member = await Member(branch, "吴超时");
        var demand = await Step(await Step(await Place(community), "accept", new { }), "open", new { });
        var claimed = await Step(demand, "claim", To("Member", member));
        var started = await Step(
            await Step(await Step(await Place(community), "accept", new { }), "open", new { }),
            "claim",
            To("Member", member)
        );
        started = await Step(started, "start", new { });

        Clock.Set(ApiFactory.Start.AddDays(6));
        await SignInAgain();
        var early = await Json.Read(await Post($"{Demands}/release-stale-claims", null), HttpStatusCode.OK);
        Assert.That(
            early.GetProperty("demandIds").EnumerateArray().Select(e => e.GetGuid()),
            Does.Not.Contain(claimed.Id())
        );

        Clock.Set(ApiFactory.Start.AddDays(7));
        await SignInAgain();
        var released = await Json.Read(await Post($"{Demands}/release-stale-claims", null), HttpStatusCode.OK);
        var ids = released.GetProperty("demandIds").EnumerateArray().Select(e => e.GetGuid()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Does.Contain(claimed.Id()));
            Assert.That(ids, Does.Not.Contain(started.Id()), "a started service is progress");
        });
        var (whole, _) = await GetWithETag($"{Demands}/{claimed.Id()}");
        Assert.Multiple(() =>
        {
            Assert.That(whole.Str("state"), Is.EqualTo("Open"));
            Assert.That(whole.GetProperty("claimant").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(whole.GetProperty("steps").EnumerateArray().Last().Str("step"), Is.EqualTo("Release"));
        });
        Clock.Set(ApiFactory.Start);
        await SignInAgain();
    }

    [Test]
    public async Task Another_regions_demand_is_404_and_its_lists_stay_apart()
    {
        var a = await Region(Unique("甲街道"));
        var b = await Region(Unique("乙街道"));
        var inB = await Place(b.Community);
        var username = Unique("vol-a");
        await Json.Read(
            await Post(
                "/api/v1/users",
                NewUser.WithRole(username, "Scoped-Password-1", "VolunteerCoordinator", a.Root)
            ),
            HttpStatusCode.Created
        );
        using var scoped = await SignedInClient(username, "Scoped-Password-1");
        var inA = await Place(a.Community, client: scoped);
        Assert.That((await scoped.GetAsync($"{Demands}/{inB.Id()}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var step = new HttpRequestMessage(HttpMethod.Post, $"{Demands}/{inB.Id()}/accept")
        {
            Content = JsonContent.Create(new { }),
        };
        step.Headers.TryAddWithoutValidation("If-Match", ETag(inB));
        Assert.That((await scoped.SendAsync(step)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var list = await Json.Read(await scoped.GetAsync($"{Demands}?pageSize=200"), HttpStatusCode.OK);
        var ids = list.GetProperty("items").EnumerateArray().Select(d => d.Id()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Does.Contain(inA.Id()));
            Assert.That(ids, Does.Not.Contain(inB.Id()));
        });
        await Json.Problem(
            await scoped.GetAsync($"{Demands}?organizationId={b.Community}"),
            HttpStatusCode.BadRequest,
            field: "organizationId"
        );
    }

    [Test]
    public async Task A_residents_system_places_a_demand_with_an_api_key_once_per_idempotency_key()
    {
        var (root, community, _) = await Region(Unique("小程序"));
        var created = await Json.Read(
            await Post(
                "/api/v1/api-clients",
                new
                {
                    name = Unique("居民小程序"),
                    scopeOrganizationId = root,
                    permissions = new[] { "volunteering.read", "volunteering.write" },
                }
            ),
            HttpStatusCode.Created
        );
        using var system = Factory.CreateClient();
        system.DefaultRequestHeaders.Add("X-Api-Key", created.Str("apiKey"));
        var body = new
        {
            organizationId = community,
            category = "邻里互助",
            description = "帮忙取药",
            requesterName = "刘桂芳",
            requesterPhone = "13900001111",
        };
        async Task<HttpResponseMessage> Send()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, Demands) { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "order-0001");
            return await system.SendAsync(request);
        }
        var first = await Json.Read(await Send(), HttpStatusCode.Created);
        var again = await Json.Read(await Send(), HttpStatusCode.Created);
        Assert.Multiple(() =>
        {
            Assert.That(again.Id(), Is.EqualTo(first.Id()), "a retry returns the first demand");
            Assert.That(first.Str("channel"), Is.EqualTo("ApiClient"));
            Assert.That(first.Str("requesterName"), Is.EqualTo("刘**"));
        });
        var list = await Json.Read(await Get($"{Demands}?organizationId={community}"), HttpStatusCode.OK);
        Assert.That(list.GetProperty("total").GetInt64(), Is.EqualTo(1));
        await Json.Problem(
            await Post(
                Demands,
                new
                {
                    organizationId = community,
                    category = "不在清单的类别",
                    description = "帮忙",
                    requesterName = "刘",
                    requesterPhone = "13900001111",
                }
            ),
            HttpStatusCode.BadRequest,
            field: "category"
        );
    }

    [Test]
    public async Task The_requester_is_masked_in_lists_and_exports_and_revealed_only_with_a_reason()
    {
        var (_, community, _) = await Region(Unique("隐私"));
        var demand = await Place(community);
        var list = await Get($"{Demands}?organizationId={community}");
        var text = await list.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("138****5678"));
            Assert.That(text, Does.Not.Contain("13812345678"));
            Assert.That(text, Does.Not.Contain("王秀兰"));
        });
        var csv = await (
            await Get($"{Demands}/export?format=Csv&organizationId={community}")
        ).Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(csv, Does.Contain("138****5678"));
            Assert.That(csv, Does.Not.Contain("13812345678"));
            Assert.That(csv, Does.Not.Contain("王秀兰"));
            Assert.That(csv, Does.Contain("需求内容"));
        });
        var xlsx = await Get($"{Demands}/export?organizationId={community}");
        Assert.That(xlsx.Content.Headers.ContentType!.MediaType, Does.Contain("spreadsheetml"));

        await Json.Problem(
            await Post($"{Demands}/{demand.Id()}/reveal", new { field = "RequesterPhone", reason = "" }),
            HttpStatusCode.BadRequest,
            field: "reason"
        );
        var revealed = await Json.Read(
            await Post(
                $"{Demands}/{demand.Id()}/reveal",
                new { field = "RequesterPhone", reason = "电话回访点单群众" }
            ),
            HttpStatusCode.OK
        );
        Assert.That(revealed.Str("value"), Is.EqualTo("13812345678"));
        var audit = await (
            await Get($"/api/v1/audit?action=RevealPersonalData&entityType=Demand&pageSize=200")
        ).Content.ReadAsStringAsync();
        Assert.That(audit, Does.Contain(demand.Id().ToString()));
    }
}
