using System.Net;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Assistance;

/// <summary>
/// Holiday visits, condolences, 1+N pairings and the dynamic hardship ledger, through the API. Today is 2026-06-15;
/// the 2026 Spring Festival was 17 February, so its visiting period opened on 18 January.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class AssistanceVisitTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Api = "/api/v1/assistance";

    private const string InsertFundSql = """
        INSERT INTO assistance_funds (id, org_id, org_path, region_root_id, parent_fund_id, name, balance, held,
            created_at, updated_at, version)
        VALUES (@id, @orgId, @orgPath, @orgId, NULL, @name, 0, 0, @now, @now, 1)
        """;

    private const string BalanceSql = "SELECT balance FROM assistance_funds WHERE id = @id";

    /// <summary>A fund of the organization holding the yuan given (the fund's own slices come with the core).</summary>
    private async Task<Guid> FundOf(Guid organization, decimal yuan)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var place = await services
            .GetRequiredService<IOrganizationDirectory>()
            .FindWithinAsync(organization, DataScope.WholeTree, CancellationToken.None);
        var db = services.GetRequiredService<DbSession>();
        var id = Guid.CreateVersion7();
        var now = Clock.GetUtcNow();
        await db.BeginAsync(CancellationToken.None);
        await db.ExecuteAsync(
            InsertFundSql,
            new
            {
                id,
                orgId = organization,
                orgPath = place!.Path,
                name = "关怀帮扶资金",
                now,
            },
            CancellationToken.None
        );
        await FundLedger.PostAsync(
            db,
            new LedgerPosting(id, LedgerEntryKind.Income, Money.FromYuan(yuan), new DateOnly(2026, 1, 2))
            {
                Source = FundSource.DuesShare,
            },
            Caller.System,
            now,
            CancellationToken.None
        );
        await db.CommitAsync(CancellationToken.None);
        return id;
    }

    private async Task<long> BalanceFen(Guid fund)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        return await db.ExecuteScalarAsync<long>(BalanceSql, new { id = fund }, CancellationToken.None);
    }

    private async Task<Guid> InHardship(
        Guid branch,
        string name,
        string since = "2025-12-01",
        string birth = "1960-03-01"
    )
    {
        var member = await RegisterMember(NewMember.Full(branch, name, birth, "1990-07-01", "1991-07-01", "Retired"));
        await Json.Read(
            await Post(
                $"/api/v1/members/{member}/hardships",
                new
                {
                    category = "Illness",
                    since,
                    notes = "尿毒症透析，每月自付三千元",
                }
            ),
            HttpStatusCode.Created
        );
        return member;
    }

    private static JsonElement ByName(JsonElement page, string name) =>
        page.GetProperty("items").EnumerateArray().Single(v => v.Str("name") == name);

    [Test]
    public async Task A_Spring_Festival_list_is_built_from_the_register_and_a_visit_pays_through_the_ledger()
    {
        var branch = (await CreateOrganization(Unique("走访党支部"))).Id();
        await InHardship(branch, "困难党员甲");
        await RegisterMember(NewMember.Full(branch, "八旬党员", "1946-02-17", "1990-07-01", "1991-07-01", "Retired"));
        await RegisterMember(NewMember.Full(branch, "差一天八旬", "1946-02-18", "1990-07-01", "1991-07-01", "Retired"));
        await RegisterMember(NewMember.Full(branch, "五十年党龄", "1950-01-01", "1975-02-17", "1976-02-17", "Retired"));
        await RegisterMember(NewMember.Full(branch, "年轻党员", "1995-01-01", "2020-07-01", "2021-07-01"));
        var other = (await CreateOrganization(Unique("别的党支部"))).Id();
        await RegisterMember(
            NewMember.Full(other, "别处八旬党员", "1930-01-01", "1960-07-01", "1961-07-01", "Retired")
        );
        var fund = await FundOf(branch, 1000m);

        var list = await Json.Read(
            await Post(
                $"{Api}/visit-lists",
                new
                {
                    organizationId = branch,
                    occasion = "SpringFestival",
                    year = 2026,
                }
            ),
            HttpStatusCode.Created
        );
        await Json.Problem(
            await Post(
                $"{Api}/visit-lists",
                new
                {
                    organizationId = branch,
                    occasion = "SpringFestival",
                    year = 2026,
                }
            ),
            HttpStatusCode.Conflict,
            code: "visit_list_exists"
        );
        var martyr = await Json.Read(
            await Post($"{Api}/visit-lists/{list.Id()}/visits", new { name = "李秀英", relation = "烈士李某之母" }),
            HttpStatusCode.Created
        );
        var visits = await Json.Read(await Get($"{Api}/visit-lists/{list.Id()}/visits?sort=name"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(list.Str("occasionOn"), Is.EqualTo("2026-02-17"));
            Assert.That(list.Str("windowOpensOn"), Is.EqualTo("2026-01-18"));
            Assert.That(list.GetProperty("total").GetInt64(), Is.EqualTo(3));
            Assert.That(
                visits.GetProperty("items").EnumerateArray().Select(v => v.Str("name")),
                Is.EquivalentTo(new[] { "困难党员甲", "八旬党员", "五十年党龄", "李秀英" }),
                "hardship, 80 and 50 years on the day, the martyr's family; a day short and other branches out"
            );
            Assert.That(ByName(visits, "困难党员甲").GetProperty("reasons")[0].GetString(), Is.EqualTo("InHardship"));
            Assert.That(ByName(visits, "八旬党员").GetProperty("reasons")[0].GetString(), Is.EqualTo("Elderly"));
            Assert.That(ByName(visits, "五十年党龄").GetProperty("reasons")[0].GetString(), Is.EqualTo("LongStanding"));
            Assert.That(martyr.GetProperty("reasons")[0].GetString(), Is.EqualTo("MartyrFamily"));
            Assert.That(ByName(visits, "八旬党员").GetProperty("overdue").GetBoolean(), Is.True);
            Assert.That(visits.ToString(), Does.Not.Contain("透析"), "hardship notes never reach the visit list");
        });

        var hardship = ByName(visits, "困难党员甲");
        var url = $"{Api}/visits/{hardship.Id()}/record";
        var body = new
        {
            visitedOn = "2026-02-10",
            visitors = "支部书记张明、委员王芳",
            money = 500m,
            fundId = fund,
            goods = "米、面、油",
            goodsValue = 200m,
        };
        await Json.Problem(await Post(url, body, "\"9\""), HttpStatusCode.PreconditionFailed);
        await Json.Problem(
            await Post(url, body with { visitedOn = "2026-01-17" }, "\"1\""),
            HttpStatusCode.Conflict,
            code: "visit_before_list"
        );
        await Json.Problem(
            await Post(
                url,
                new
                {
                    body.visitedOn,
                    body.visitors,
                    money = 500m,
                },
                "\"1\""
            ),
            HttpStatusCode.Conflict,
            code: "fund_required"
        );
        await Json.Problem(
            await Post(url, body with { money = 1000.01m }, "\"1\""),
            HttpStatusCode.Conflict,
            code: "fund_insufficient"
        );
        var recorded = await Json.Read(await Post(url, body, "\"1\"", idempotencyKey: "visit-1"), HttpStatusCode.OK);
        var replay = await Json.Read(await Post(url, body, "\"1\"", idempotencyKey: "visit-1"), HttpStatusCode.OK);
        await Json.Problem(await Post(url, body, "\"2\""), HttpStatusCode.Conflict, code: "visit_already_recorded");
        var lists = await Json.Read(await Get($"{Api}/visit-lists?year=2026"), HttpStatusCode.OK);
        var csv = await (
            await Get($"{Api}/visit-lists/{list.Id()}/visits/export?format=Csv")
        ).Content.ReadAsStringAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(recorded.Str("status"), Is.EqualTo("Visited"));
            Assert.That(recorded.GetProperty("onTime").GetBoolean(), Is.True);
            Assert.That(recorded.GetProperty("ledgerEntryId").GetGuid(), Is.Not.EqualTo(Guid.Empty));
            Assert.That(
                replay.GetProperty("ledgerEntryId").GetGuid(),
                Is.EqualTo(recorded.GetProperty("ledgerEntryId").GetGuid())
            );
            Assert.That(await BalanceFen(fund), Is.EqualTo(500_00), "paid once, through the ledger");
            var mine = lists.GetProperty("items").EnumerateArray().Single(l => l.Id() == list.Id());
            Assert.That(mine.GetProperty("visited").GetInt64(), Is.EqualTo(1));
            Assert.That(mine.GetProperty("moneyGiven").GetDecimal(), Is.EqualTo(500m));
            Assert.That(csv, Does.Contain("困难党员甲").And.Contain("米、面、油"));
        });

        var outsider = Unique("branch-user");
        await Json.Read(
            await Post("/api/v1/users", NewUser.WithRole(outsider, "Outsider-Password-1", "FundManager", other)),
            HttpStatusCode.Created
        );
        var elsewhere = await SignedInClient(outsider, "Outsider-Password-1");
        var theirLists = await Json.Read(await elsewhere.GetAsync($"{Api}/visit-lists"), HttpStatusCode.OK);
        Assert.Multiple(async () =>
        {
            Assert.That(
                theirLists.GetProperty("items").EnumerateArray().Select(l => l.Id()),
                Does.Not.Contain(list.Id())
            );
            Assert.That(
                (await elsewhere.GetAsync($"{Api}/visit-lists/{list.Id()}/visits")).StatusCode,
                Is.EqualTo(HttpStatusCode.NotFound)
            );
        });
    }

    [Test]
    public async Task A_recorded_death_proposes_a_condolence_which_the_branch_pays_once_or_declines()
    {
        var branch = (await CreateOrganization(Unique("抚恤党支部"))).Id();
        var fund = await FundOf(branch, 3000m);
        var first = await RegisterMember(NewMember.Full(branch, "去世党员甲", "1938-01-01"));
        var second = await RegisterMember(NewMember.Full(branch, "去世党员乙", "1939-01-01"));
        foreach (var member in new[] { first, second })
        {
            await Json.Read(
                await Post($"/api/v1/members/{member}/death", new { diedOn = "2026-06-01" }, "\"1\""),
                HttpStatusCode.OK
            );
        }
        var proposed = await Json.Read(await Get($"{Api}/condolences?status=Proposed&sort=name"), HttpStatusCode.OK);
        var ofFirst = proposed
            .GetProperty("items")
            .EnumerateArray()
            .Single(c => c.GetProperty("memberId").GetGuid() == first);
        var ofSecond = proposed
            .GetProperty("items")
            .EnumerateArray()
            .Single(c => c.GetProperty("memberId").GetGuid() == second);
        var pay = new
        {
            fundId = fund,
            paidOn = "2026-06-10",
            reference = "转账 20260610001",
        };
        await Json.Problem(
            await Post($"{Api}/condolences/{ofFirst.Id()}/pay", pay, "\"2\""),
            HttpStatusCode.PreconditionFailed
        );
        var paid = await Json.Read(
            await Post($"{Api}/condolences/{ofFirst.Id()}/pay", pay, "\"1\"", idempotencyKey: "condolence-1"),
            HttpStatusCode.OK
        );
        await Json.Problem(
            await Post($"{Api}/condolences/{ofFirst.Id()}/pay", pay, "\"2\""),
            HttpStatusCode.Conflict,
            code: "condolence_not_proposed"
        );
        var declined = await Json.Read(
            await Post($"{Api}/condolences/{ofSecond.Id()}/decline", new { reason = "家属婉拒" }, "\"1\""),
            HttpStatusCode.OK
        );
        Assert.Multiple(async () =>
        {
            Assert.That(ofFirst.GetProperty("amount").GetDecimal(), Is.EqualTo(1000m), "the region's default amount");
            Assert.That(paid.Str("status"), Is.EqualTo("Paid"));
            Assert.That(declined.Str("status"), Is.EqualTo("Declined"));
            Assert.That(await BalanceFen(fund), Is.EqualTo(2000_00));
        });
    }

    [Test]
    public async Task Pairs_need_an_in_service_helper_and_a_member_in_hardship_and_are_listed_after_three_months_idle()
    {
        var branch = (await CreateOrganization(Unique("结对党支部"))).Id();
        var helped = await InHardship(branch, "结对困难党员", since: "2026-01-01");
        var other = await InHardship(branch, "另一困难党员", since: "2026-01-01");
        var helper = await RegisterMember(NewMember.Full(branch, "在职帮扶人", "1985-01-01"));
        var retired = await RegisterMember(NewMember.Full(branch, "退休党员", "1950-01-01", category: "Retired"));
        var notInHardship = await RegisterMember(NewMember.Full(branch, "普通党员", "1980-01-01"));

        await Json.Problem(
            await Post(
                $"{Api}/pairings",
                new
                {
                    helperMemberId = retired,
                    helpedMemberId = helped,
                    startedOn = "2026-03-01",
                }
            ),
            HttpStatusCode.Conflict,
            code: "helper_not_in_service"
        );
        await Json.Problem(
            await Post(
                $"{Api}/pairings",
                new
                {
                    helperMemberId = helper,
                    helpedMemberId = notInHardship,
                    startedOn = "2026-03-01",
                }
            ),
            HttpStatusCode.Conflict,
            code: "not_in_hardship"
        );
        var idle = await Json.Read(
            await Post(
                $"{Api}/pairings",
                new
                {
                    helperMemberId = helper,
                    helpedMemberId = helped,
                    startedOn = "2026-03-15",
                }
            ),
            HttpStatusCode.Created
        );
        await Json.Problem(
            await Post(
                $"{Api}/pairings",
                new
                {
                    helperMemberId = helper,
                    helpedMemberId = helped,
                    startedOn = "2026-04-01",
                }
            ),
            HttpStatusCode.Conflict,
            code: "pairing_exists"
        );
        var fresh = await Json.Read(
            await Post(
                $"{Api}/pairings",
                new
                {
                    helperMemberId = helper,
                    helpedMemberId = other,
                    startedOn = "2026-03-16",
                }
            ),
            HttpStatusCode.Created
        );
        var staleBefore = await Json.Read(
            await Get($"{Api}/pairings?organizationId={branch}&staleOnly=true"),
            HttpStatusCode.OK
        );
        await Json.Problem(
            await Post(
                $"{Api}/pairings/{idle.Id()}/help-logs",
                new { helpedOn = "2026-03-14", what = "送药" },
                "\"1\""
            ),
            HttpStatusCode.Conflict,
            code: "help_before_pairing"
        );
        var helpedOnce = await Json.Read(
            await Post(
                $"{Api}/pairings/{idle.Id()}/help-logs",
                new { helpedOn = "2026-06-01", what = "陪同就医、代购药品" },
                "\"1\""
            ),
            HttpStatusCode.Created
        );
        var staleAfter = await Json.Read(
            await Get($"{Api}/pairings?organizationId={branch}&staleOnly=true"),
            HttpStatusCode.OK
        );
        var logs = await Json.Read(await Get($"{Api}/pairings/{idle.Id()}/help-logs"), HttpStatusCode.OK);
        var ended = await Json.Read(
            await Post($"{Api}/pairings/{fresh.Id()}/end", new { endedOn = "2026-06-15" }, "\"1\""),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(
                staleBefore.GetProperty("items").EnumerateArray().Select(p => p.Id()),
                Is.EqualTo(new[] { idle.Id() }),
                "started 15 March with no log: three months on 15 June; started 16 March: not yet"
            );
            Assert.That(idle.GetProperty("stale").GetBoolean(), Is.True);
            Assert.That(helpedOnce.Str("lastHelpOn"), Is.EqualTo("2026-06-01"));
            Assert.That(helpedOnce.GetProperty("helpCount").GetInt32(), Is.EqualTo(1));
            Assert.That(staleAfter.GetProperty("total").GetInt64(), Is.Zero);
            Assert.That(logs.GetProperty("items")[0].Str("what"), Is.EqualTo("陪同就医、代购药品"));
            Assert.That(ended.Str("endedOn"), Is.EqualTo("2026-06-15"));
        });
    }

    [Test]
    public async Task The_ledger_shows_each_member_in_hardship_with_the_help_received_and_a_recheck_ends_the_hardship()
    {
        var branch = (await CreateOrganization(Unique("台账党支部"))).Id();
        var fund = await FundOf(branch, 2000m);
        var member = await InHardship(branch, "台账困难党员", since: "2025-03-01");
        var helper = await RegisterMember(NewMember.Full(branch, "台账帮扶人", "1985-01-01"));
        var list = await Json.Read(
            await Post(
                $"{Api}/visit-lists",
                new
                {
                    organizationId = branch,
                    occasion = "SpringFestival",
                    year = 2026,
                }
            ),
            HttpStatusCode.Created
        );
        var visit = (
            await Json.Read(await Get($"{Api}/visit-lists/{list.Id()}/visits"), HttpStatusCode.OK)
        ).GetProperty("items")[0];
        await Json.Read(
            await Post(
                $"{Api}/visits/{visit.Id()}/record",
                new
                {
                    visitedOn = "2026-02-01",
                    visitors = "张明",
                    money = 300m,
                    fundId = fund,
                },
                "\"1\""
            ),
            HttpStatusCode.OK
        );
        var pair = await Json.Read(
            await Post(
                $"{Api}/pairings",
                new
                {
                    helperMemberId = helper,
                    helpedMemberId = member,
                    startedOn = "2026-01-10",
                }
            ),
            HttpStatusCode.Created
        );
        await Json.Read(
            await Post(
                $"{Api}/pairings/{pair.Id()}/help-logs",
                new { helpedOn = "2026-05-20", what = "打扫卫生" },
                "\"1\""
            ),
            HttpStatusCode.Created
        );

        var ledger = await Json.Read(
            await Get($"{Api}/hardship-ledger?organizationId={branch}&year=2026"),
            HttpStatusCode.OK
        );
        var row = ledger.GetProperty("items")[0];
        var page = await Json.Read(await Get($"{Api}/hardship-ledger/{member}"), HttpStatusCode.OK);
        await Json.Problem(
            await Post(
                $"{Api}/hardship-ledger/{member}/rechecks",
                new
                {
                    hardshipId = row.GetProperty("hardshipId").GetGuid(),
                    checkedOn = "2026-06-10",
                    outcome = "Ended",
                },
                "\"7\""
            ),
            HttpStatusCode.PreconditionFailed
        );
        var recheck = await Json.Read(
            await Post(
                $"{Api}/hardship-ledger/{member}/rechecks",
                new
                {
                    hardshipId = row.GetProperty("hardshipId").GetGuid(),
                    checkedOn = "2026-06-10",
                    outcome = "Ended",
                },
                "\"1\""
            ),
            HttpStatusCode.Created
        );
        var hardships = await Json.Read(await Get($"/api/v1/members/{member}/hardships"), HttpStatusCode.OK);
        var current = await Json.Read(
            await Get($"{Api}/hardship-ledger?organizationId={branch}&currentOnly=true"),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(ledger.GetProperty("total").GetInt64(), Is.EqualTo(1));
            Assert.That(row.GetProperty("paidInYear").GetDecimal(), Is.EqualTo(300m));
            Assert.That(row.GetProperty("visitsInYear").GetInt64(), Is.EqualTo(1));
            Assert.That(row.GetProperty("helpsInYear").GetInt64(), Is.EqualTo(1));
            Assert.That(row.GetProperty("recheckDue").GetBoolean(), Is.True, "on the register since March 2025");
            Assert.That(page.GetProperty("payments")[0].GetProperty("paymentKind").GetString(), Is.EqualTo("Visit"));
            Assert.That(page.GetProperty("help")[0].Str("helperName"), Is.EqualTo("台账帮扶人"));
            Assert.That(page.ToString(), Does.Not.Contain("透析"), "the ledger never shows the hardship notes");
            Assert.That(recheck.Str("outcome"), Is.EqualTo("Ended"));
            Assert.That(hardships[0].Str("until"), Is.EqualTo("2026-06-10"), "left the register through Members");
            Assert.That(current.GetProperty("total").GetInt64(), Is.Zero);
        });
    }
}
