using System.Net;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Dividends;

/// <summary>
/// Collectives, their households, members and shares, and the income statement's limits, through the API on every
/// provider. Today is 2026-06-15.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class CollectiveRegisterTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Password = "Collective-Password-1";
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static int _codes;

    /// <summary>A fresh 统一社会信用代码 with its check character computed here, independently of the API.</summary>
    internal static string NewCreditCode(string prefix = "N2")
    {
        var n = Interlocked.Increment(ref _codes) + Random.Shared.Next(1_000_000);
        var first17 = prefix + "230100" + n.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var sum = first17.Select((c, i) => Alphabet.IndexOf(c, StringComparison.Ordinal) * weights[i]).Sum();
        return first17 + Alphabet[(31 - sum % 31) % 31];
    }

    private async Task<JsonElement> NewCollective(
        Guid organization,
        string kind = "StockCooperative",
        string management = "Static"
    ) =>
        await Json.Read(
            await Post(
                "/api/v1/dividends/collectives",
                new
                {
                    organizationId = organization,
                    name = Unique("股份经济合作社"),
                    kind,
                    creditCode = NewCreditCode(kind == "StockCooperative" ? "N2" : "93"),
                    landTransferredMu = 120.5m,
                    shareManagement = management,
                    establishedOn = "2018-03-01",
                }
            ),
            HttpStatusCode.Created
        );

    private static object Person(
        string name,
        string relation,
        string birth,
        bool male,
        object[] shares,
        string? bank = null
    ) =>
        new
        {
            name,
            idNumber = TestIdNumbers.For(birth, male),
            relation,
            bankAccount = bank,
            bankName = bank is null ? null : "农村信用社",
            shares,
        };

    [Test]
    public async Task Households_members_and_shares_are_registered_and_changed_only_by_dated_events()
    {
        var village = (
            await CreateOrganization(Unique("三海社区党委"), kind: "Committee", field: "UrbanCommunity")
        ).Id();
        await Json.Problem(
            await Post(
                "/api/v1/dividends/collectives",
                new
                {
                    organizationId = village,
                    name = "校验码错误的合作社",
                    kind = "StockCooperative",
                    creditCode = "91350100M000100Y44",
                    landTransferredMu = 0,
                    shareManagement = "Static",
                }
            ),
            HttpStatusCode.BadRequest,
            field: "creditCode"
        );
        var collective = await NewCollective(village);
        var id = collective.Id();
        await Json.Problem(
            await Post(
                "/api/v1/dividends/collectives",
                new
                {
                    organizationId = village,
                    name = "重复登记",
                    kind = "StockCooperative",
                    creditCode = collective.Str("creditCode"),
                    landTransferredMu = 0,
                    shareManagement = "Static",
                }
            ),
            HttpStatusCode.Conflict,
            code: "collective_credit_code_exists"
        );
        var population = (
            await Json.Read(
                await Post(
                    $"/api/v1/dividends/collectives/{id}/share-types",
                    new
                    {
                        name = "人口股",
                        kind = "Population",
                        weight = 1,
                    }
                ),
                HttpStatusCode.Created
            )
        ).Id();
        var labour = (
            await Json.Read(
                await Post(
                    $"/api/v1/dividends/collectives/{id}/share-types",
                    new
                    {
                        name = "农龄股",
                        kind = "LabourAge",
                        weight = 0.5m,
                    }
                ),
                HttpStatusCode.Created
            )
        ).Id();
        var vote = new
        {
            noticeFrom = "2025-11-01",
            noticeTo = "2025-11-07",
            assemblyOn = "2025-11-10",
            assemblyKind = "Representatives",
            entitled = 60,
            present = 50,
            votesFor = 25,
            votesAgainst = 20,
            documentRef = "三海股〔2025〕3号",
        };
        await Json.Problem(
            await Post($"/api/v1/dividends/collectives/{id}/confirmations", vote),
            HttpStatusCode.Conflict,
            code: "membership_vote_not_carried"
        );
        var confirmation = (
            await Json.Read(
                await Post($"/api/v1/dividends/collectives/{id}/confirmations", vote with { votesFor = 26 }),
                HttpStatusCode.Created
            )
        ).Id();

        object[] Shares(int people, int years) =>
            [new { shareTypeId = population, quantity = people }, new { shareTypeId = labour, quantity = years }];
        var wangs = await Json.Read(
            await Post(
                $"/api/v1/dividends/collectives/{id}/households",
                new
                {
                    number = "0001",
                    address = "三海社区一组",
                    sharesFrom = "2026-01-01",
                    confirmationId = confirmation,
                    members = new[]
                    {
                        Person("王建国", "Head", "1960-05-01", true, Shares(1, 30), "6217002710000012345"),
                        Person("李桂英", "Spouse", "1962-08-08", false, Shares(1, 28)),
                        Person("王磊", "Child", "1988-02-02", true, Shares(1, 10)),
                    },
                }
            ),
            HttpStatusCode.Created
        );
        var zhaos = await Json.Read(
            await Post(
                $"/api/v1/dividends/collectives/{id}/households",
                new
                {
                    number = "0002",
                    sharesFrom = "2026-01-01",
                    members = new[] { Person("赵秀兰", "Head", "1955-03-03", false, Shares(1, 35)) },
                }
            ),
            HttpStatusCode.Created
        );
        await Json.Problem(
            await Post(
                $"/api/v1/dividends/collectives/{id}/households",
                new
                {
                    number = "0001",
                    sharesFrom = "2026-01-01",
                    members = new[] { Person("重复户号", "Head", "1970-01-01", true, []) },
                }
            ),
            HttpStatusCode.Conflict,
            code: "household_number_exists"
        );
        var father = wangs.GetProperty("members")[0].GetGuid();
        var son = wangs.GetProperty("members")[2].GetGuid();
        var zhao = zhaos.GetProperty("members")[0].GetGuid();

        // Static management: shares move, they are never made or cancelled.
        await Json.Problem(
            await Post(
                $"/api/v1/dividends/collectives/{id}/share-changes",
                new
                {
                    kind = "Allotment",
                    effectiveOn = "2026-03-01",
                    reason = "新生儿配股",
                    lines = new[]
                    {
                        new
                        {
                            memberId = son,
                            shareTypeId = population,
                            delta = 1,
                        },
                    },
                }
            ),
            HttpStatusCode.Conflict,
            code: "static_shares_fixed"
        );
        await Json.Problem(
            await Post(
                $"/api/v1/dividends/collectives/{id}/share-changes",
                new
                {
                    kind = "Transfer",
                    effectiveOn = "2026-03-01",
                    reason = "转让超过持有",
                    lines = new[]
                    {
                        new
                        {
                            memberId = son,
                            shareTypeId = labour,
                            delta = -11,
                        },
                        new
                        {
                            memberId = zhao,
                            shareTypeId = labour,
                            delta = 11,
                        },
                    },
                }
            ),
            HttpStatusCode.Conflict,
            code: "shares_insufficient"
        );
        await Json.Problem(
            await Post(
                $"/api/v1/dividends/collectives/{id}/share-changes",
                new
                {
                    kind = "Transfer",
                    effectiveOn = "2026-03-01",
                    reason = "不平衡",
                    lines = new[]
                    {
                        new
                        {
                            memberId = son,
                            shareTypeId = labour,
                            delta = -1,
                        },
                    },
                }
            ),
            HttpStatusCode.Conflict,
            code: "share_change_not_balanced"
        );
        // The father dies on 2026-04-01; his son inherits his shares.
        await Json.Read(
            await Post(
                $"/api/v1/dividends/collectives/{id}/share-changes",
                new
                {
                    kind = "Inheritance",
                    effectiveOn = "2026-04-01",
                    reason = "王磊继承父亲王建国的股份",
                    documentRef = "死亡证明 2026-0401",
                    deceasedMemberId = father,
                    lines = new[]
                    {
                        new
                        {
                            memberId = father,
                            shareTypeId = population,
                            delta = -1,
                        },
                        new
                        {
                            memberId = father,
                            shareTypeId = labour,
                            delta = -30,
                        },
                        new
                        {
                            memberId = son,
                            shareTypeId = population,
                            delta = 1,
                        },
                        new
                        {
                            memberId = son,
                            shareTypeId = labour,
                            delta = 30,
                        },
                    },
                }
            ),
            HttpStatusCode.Created
        );

        var before = await Json.Read(
            await Get($"/api/v1/dividends/collectives/{id}/register?asOf=2026-03-31"),
            HttpStatusCode.OK
        );
        var after = await Json.Read(await Get($"/api/v1/dividends/collectives/{id}/register"), HttpStatusCode.OK);
        var beforeYear = await Json.Read(
            await Get($"/api/v1/dividends/collectives/{id}/register?asOf=2025-12-31"),
            HttpStatusCode.OK
        );
        long Held(JsonElement register, Guid member, Guid type) =>
            register
                .GetProperty("households")
                .EnumerateArray()
                .SelectMany(h => h.GetProperty("members").EnumerateArray())
                .Where(m => m.Id() == member)
                .SelectMany(m => m.GetProperty("shares").EnumerateArray())
                .Where(s => s.GetProperty("shareTypeId").GetGuid() == type)
                .Sum(s => s.GetProperty("quantity").GetInt64());
        var changes = await Json.Read(
            await Get($"/api/v1/dividends/collectives/{id}/share-changes?memberId={son}"),
            HttpStatusCode.OK
        );
        var detail = await Json.Read(await Get($"/api/v1/dividends/collectives/{id}"), HttpStatusCode.OK);
        var wangHousehold = after.GetProperty("households")[0];
        Assert.Multiple(() =>
        {
            Assert.That(Held(before, father, labour), Is.EqualTo(30));
            Assert.That(Held(before, son, labour), Is.EqualTo(10));
            Assert.That(Held(after, father, labour), Is.EqualTo(0));
            Assert.That(Held(after, son, labour), Is.EqualTo(40));
            Assert.That(Held(after, son, population), Is.EqualTo(2));
            Assert.That(Held(beforeYear, son, labour), Is.EqualTo(0), "the initial shares start on 2026-01-01");
            Assert.That(
                after.GetProperty("totals")[1].GetProperty("quantity").GetInt64(),
                Is.EqualTo(30 + 28 + 10 + 35)
            );
            Assert.That(wangHousehold.Str("headName"), Is.EqualTo("王建国"));
            Assert.That(wangHousehold.GetProperty("members")[0].Str("status"), Is.EqualTo("Deceased"));
            Assert.That(
                wangHousehold.GetProperty("members")[0].Str("bankAccountMasked"),
                Is.EqualTo("6217***********2345")
            );
            Assert.That(wangHousehold.GetProperty("members")[0].Str("idNumberMasked"), Does.Contain("********"));
            Assert.That(after.ToString(), Does.Not.Contain("6217002710000012345"));
            Assert.That(changes.GetArrayLength(), Is.EqualTo(2), "the initial allotment and the inheritance");
            Assert.That(changes[0].Str("kind"), Is.EqualTo("Inheritance"));
            Assert.That(detail.GetProperty("collective").GetProperty("households").GetInt64(), Is.EqualTo(2));
            Assert.That(
                detail.GetProperty("collective").GetProperty("members").GetInt64(),
                Is.EqualTo(3),
                "the dead leave"
            );
            Assert.That(detail.GetProperty("shareTypes")[1].GetProperty("weight").GetDecimal(), Is.EqualTo(0.5m));
            Assert.That(detail.GetProperty("confirmations")[0].GetProperty("members").GetInt64(), Is.EqualTo(3));
        });

        // The son leaves his mother's household for his own; his shares go with him.
        var split = await Json.Read(
            await Post(
                $"/api/v1/dividends/collectives/{id}/share-changes",
                new
                {
                    kind = "HouseholdSplit",
                    effectiveOn = "2026-05-01",
                    reason = "王磊分户",
                    newHousehold = new
                    {
                        number = "0003",
                        memberIds = new[] { son },
                        headMemberId = son,
                    },
                }
            ),
            HttpStatusCode.Created
        );
        var certificate = await Json.Read(
            await Get(
                $"/api/v1/dividends/collectives/{id}/register?householdId={split.GetProperty("householdId").GetGuid()}"
            ),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(certificate.GetProperty("households").GetArrayLength(), Is.EqualTo(1));
            Assert.That(certificate.GetProperty("households")[0].Str("headName"), Is.EqualTo("王磊"));
            Assert.That(Held(certificate, son, labour), Is.EqualTo(40), "shares go with the member");
        });
    }

    [Test]
    public async Task Bank_accounts_are_revealed_only_with_the_permission_and_a_reason()
    {
        var village = (await CreateOrganization(Unique("村党支部"), field: "Village")).Id();
        var id = (await NewCollective(village)).Id();
        var household = await Json.Read(
            await Post(
                $"/api/v1/dividends/collectives/{id}/households",
                new
                {
                    number = "0001",
                    sharesFrom = "2026-01-01",
                    members = new[] { Person("孙玉兰", "Head", "1970-01-01", false, [], "6228480010000098765") },
                }
            ),
            HttpStatusCode.Created
        );
        var member = household.GetProperty("members")[0].GetGuid();
        var viewer = Unique("viewer");
        await Json.Read(
            await Post("/api/v1/users", NewUser.WithRole(viewer, Password, "Viewer")),
            HttpStatusCode.Created
        );
        var accountant = Unique("accountant");
        await Json.Read(
            await Post("/api/v1/users", NewUser.WithRole(accountant, Password, "CollectiveAccountant")),
            HttpStatusCode.Created
        );
        using var asViewer = await SignedInClient(viewer, Password);
        using var asAccountant = await SignedInClient(accountant, Password);
        var url = $"/api/v1/dividends/collective-members/{member}/reveal";
        var forbidden = await asViewer.PostAsync(
            url,
            JsonContent(new { field = "BankAccount", reason = "核对分红发放账户" })
        );
        await Json.Problem(
            await asAccountant.PostAsync(url, JsonContent(new { field = "BankAccount", reason = "短" })),
            HttpStatusCode.BadRequest,
            field: "reason"
        );
        var revealed = await Json.Read(
            await asAccountant.PostAsync(url, JsonContent(new { field = "BankAccount", reason = "核对分红发放账户" })),
            HttpStatusCode.OK
        );
        var audit = await Json.Read(await Get($"/api/v1/audit?entityId={member}"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(revealed.Str("value"), Is.EqualTo("6228480010000098765"));
            Assert.That(audit.ToString(), Does.Contain("RevealPersonalData"));
        });
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, Json.Options), System.Text.Encoding.UTF8, "application/json");

    [Test]
    public async Task Each_income_limit_is_409_with_the_figure_and_the_rule_at_its_boundary()
    {
        var village = (await CreateOrganization(Unique("大荒地村党支部"), field: "Village")).Id();
        var cooperative = (await NewCollective(village, "BranchLedCooperative", "Dynamic")).Id();
        var url = $"/api/v1/dividends/collectives/{cooperative}/incomes/2025";
        // Net income 250,000; reserve at least 75,000; distributable 175,000; dividends at most 150,000 (60%);
        // by volume at least 105,000 (60% of the distributable surplus).
        var figures = new
        {
            operatingIncome = 400_000m,
            investmentIncome = 0m,
            otherIncome = 0m,
            grantIncome = 300_000m,
            landCompensation = 1_000_000m,
            costs = 150_000m,
            lossesCarried = 0m,
            reserve = 74_999.99m,
            memberDividends = 150_000m,
            byVolumeReturn = 105_000m,
        };
        var low = await Json.Problem(
            await Put(url, figures, null),
            HttpStatusCode.Conflict,
            code: "reserve_below_minimum"
        );
        var check = await Json.Read(
            await Post($"/api/v1/dividends/collectives/{cooperative}/incomes/check", figures),
            HttpStatusCode.OK
        );
        await Json.Problem(
            await Put(url, figures with { reserve = 75_000m, memberDividends = 150_000.01m }, null),
            HttpStatusCode.Conflict,
            code: "dividends_above_share"
        );
        await Json.Problem(
            await Put(url, figures with { reserve = 75_000m, byVolumeReturn = 104_999.99m }, null),
            HttpStatusCode.Conflict,
            code: "by_volume_below_minimum"
        );
        var saved = await Put(url, figures with { reserve = 75_000m }, null);
        var statement = await Json.Read(saved, HttpStatusCode.Created);
        await Json.Problem(
            await Put(url, figures with { reserve = 75_000m }, null),
            HttpStatusCode.Conflict,
            code: "income_year_exists"
        );
        var revised = await Json.Read(
            await Put(url, figures with { reserve = 100_000m }, saved.Headers.ETag!.Tag),
            HttpStatusCode.OK
        );
        var list = await Json.Read(
            await Get($"/api/v1/dividends/collectives/{cooperative}/incomes"),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(low.GetProperty("field").GetString(), Is.EqualTo("reserve"));
            Assert.That(low.GetProperty("entered").GetDecimal(), Is.EqualTo(74_999.99m));
            Assert.That(low.GetProperty("bound").GetDecimal(), Is.EqualTo(75_000m));
            Assert.That(low.GetProperty("rule").GetString(), Is.EqualTo("reserveMinPercent"));
            Assert.That(low.GetProperty("source").GetString(), Does.Contain("公积公益金"));
            Assert.That(check.GetProperty("breaches")[0].Str("code"), Is.EqualTo("reserve_below_minimum"));
            Assert.That(check.GetProperty("limits").GetProperty("netIncome").GetDecimal(), Is.EqualTo(250_000m));
            Assert.That(
                statement.GetProperty("limits").GetProperty("distributable").GetDecimal(),
                Is.EqualTo(175_000m)
            );
            Assert.That(statement.GetProperty("limits").GetProperty("rules").GetArrayLength(), Is.EqualTo(4));
            Assert.That(revised.GetProperty("limits").GetProperty("distributable").GetDecimal(), Is.EqualTo(150_000m));
            Assert.That(list[0].GetProperty("reserve").GetDecimal(), Is.EqualTo(100_000m));
        });
    }

    [Test]
    public async Task A_user_of_one_region_sees_only_its_collectives_and_the_statistics_count_them()
    {
        var regionA = (await CreateOrganization(Unique("甲县委"), kind: "Committee", field: "Government")).Id();
        var villageA = (await CreateOrganization(Unique("甲村党支部"), regionA, field: "Village")).Id();
        var regionB = (await CreateOrganization(Unique("乙县委"), kind: "Committee", field: "Government")).Id();
        var villageB = (await CreateOrganization(Unique("乙村党支部"), regionB, field: "Village")).Id();
        var inA = await NewCollective(villageA);
        var inB = await NewCollective(villageB);
        await Json.Read(
            await Post(
                $"/api/v1/dividends/collectives/{inA.Id()}/households",
                new
                {
                    number = "0001",
                    sharesFrom = "2026-01-01",
                    members = new[] { Person("甲户主", "Head", "1966-06-06", true, []) },
                }
            ),
            HttpStatusCode.Created
        );
        await Json.Read(
            await Put(
                $"/api/v1/dividends/collectives/{inA.Id()}/incomes/2025",
                new
                {
                    operatingIncome = 250_000m,
                    costs = 0m,
                    reserve = 75_000m,
                    memberDividends = 0m,
                },
                null
            ),
            HttpStatusCode.Created
        );
        var username = Unique("scoped");
        await Json.Read(
            await Post("/api/v1/users", NewUser.WithRole(username, Password, "CollectiveAccountant", regionA)),
            HttpStatusCode.Created
        );
        using var scoped = await SignedInClient(username, Password);
        var list = await Json.Read(
            await scoped.GetAsync("/api/v1/dividends/collectives?pageSize=200"),
            HttpStatusCode.OK
        );
        var export = await scoped.GetAsync("/api/v1/dividends/collectives/export?format=Csv");
        var csv = await export.Content.ReadAsStringAsync();
        var filtered = await Json.Read(
            await Get($"/api/v1/dividends/collectives?organizationId={regionA}&sort=-name"),
            HttpStatusCode.OK
        );
        var stats = await Json.Read(await Get($"/api/v1/organizations/{regionA}/stats"), HttpStatusCode.OK);
        var dividends = stats.GetProperty("contributed").GetProperty("dividends");
        var other = (await scoped.GetAsync($"/api/v1/dividends/collectives/{inB.Id()}")).StatusCode;
        var otherRegister = (await scoped.GetAsync($"/api/v1/dividends/collectives/{inB.Id()}/register")).StatusCode;
        Assert.Multiple(() =>
        {
            Assert.That(list.GetProperty("total").GetInt64(), Is.EqualTo(1));
            Assert.That(list.GetProperty("items")[0].Id(), Is.EqualTo(inA.Id()));
            Assert.That(filtered.GetProperty("total").GetInt64(), Is.EqualTo(1));
            Assert.That(other, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(otherRegister, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(export.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(csv, Does.Contain(inA.Str("name")).And.Not.Contain(inB.Str("name")));
            Assert.That(dividends.GetProperty("collectives").GetInt64(), Is.EqualTo(1));
            Assert.That(dividends.GetProperty("members").GetInt64(), Is.EqualTo(1));
            Assert.That(dividends.GetProperty("households").GetInt64(), Is.EqualTo(1));
            Assert.That(dividends.GetProperty("operatingIncomeReported").GetInt64(), Is.EqualTo(1));
            Assert.That(dividends.GetProperty("weakCollectives").GetInt64(), Is.EqualTo(0));
        });
    }
}
