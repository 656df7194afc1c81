using System.Net;
using System.Text;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Assistance;

/// <summary>
/// The care fund's statistics and the fund's yearly statement on a small fixture whose figures are known: a city
/// fund with dues (last year), special dues, interest and a donation reversed (this year), 50,000 yuan allocated to
/// the branch's fund, and two aid payments (1,500 yuan at the street's tier, 3,000 at the district's) to two
/// members. Another region's fund manager gets 404. Today is 2026-06-15.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class AssistanceStatisticsTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Api = "/api/v1/assistance";
    private const string Password = "Care-Stats-Password-1";
    private Guid _region;
    private Guid _branch;
    private Guid _cityFund;
    private Guid _branchFund;

    [OneTimeSetUp]
    public async Task CreateTheFixture()
    {
        _region = (await CreateOrganization(Unique("统计市委"), kind: "Committee", field: "Government")).Id();
        _branch = (await CreateOrganization(Unique("统计支部"), _region, field: "UrbanCommunity")).Id();
        _cityFund = await NewFund(_region, "统计市帮扶资金");
        await Income(_cityFund, "DuesShare", 100000m, "2025-03-01", "市管党费列支启动资金");
        await Income(_cityFund, "SpecialDues", 20000m, "2026-02-01", "=HYPERLINK(\"http://evil/\")");
        await Income(_cityFund, "Interest", 150m, "2026-03-31", "一季度利息");
        var donation = await Income(_cityFund, "Donation", 300m, "2026-06-10", "捐赠");
        await Json.Read(
            await Post(
                $"{Api}/funds/{_cityFund}/entries/{donation.GetProperty("entryId").GetGuid()}/reversal",
                new { reason = "重复登记" }
            ),
            HttpStatusCode.Created
        );
        _branchFund = await NewFund(_branch, "统计支部帮扶资金");
        await Json.Read(
            await Post(
                $"{Api}/funds/{_cityFund}/allocations",
                new
                {
                    toFundId = _branchFund,
                    amount = 50000m,
                    occurredOn = "2026-01-10",
                }
            ),
            HttpStatusCode.Created
        );
        var applicant = await User("FundManager");
        var preparer = await User("FundManager");
        var street = await User("FundApprover");
        var district = await User("FundApprover");
        var payer = await User("FundManager");
        foreach (var (name, amount) in new[] { ("王大明", 1500m), ("李秀兰", 3000m) })
        {
            var member = await RegisterMember(NewMember.Full(_branch, name));
            var application = await Json.Read(
                await Send(
                    applicant,
                    $"{Api}/applications",
                    new
                    {
                        memberId = member,
                        category = "Illness",
                        amount,
                        reason = "+住院治疗，自付费用较高",
                    }
                ),
                HttpStatusCode.Created
            );
            application = await Json.Read(
                await Send(
                    preparer,
                    $"{Api}/applications/{application.Id()}/review",
                    new
                    {
                        reviewedOn = "2026-05-30",
                        passed = true,
                        noticeFrom = "2026-06-01",
                        noticeTo = "2026-06-05",
                    },
                    application
                ),
                HttpStatusCode.OK
            );
            application = await Json.Read(
                await Send(street, $"{Api}/applications/{application.Id()}/approval", new { }, application),
                HttpStatusCode.OK
            );
            if (application.Str("status") == "StreetApproved")
            {
                application = await Json.Read(
                    await Send(district, $"{Api}/applications/{application.Id()}/approval", new { }, application),
                    HttpStatusCode.OK
                );
            }
            await Json.Read(
                await Send(
                    payer,
                    $"{Api}/applications/{application.Id()}/disbursement",
                    new
                    {
                        paidOn = "2026-06-15",
                        method = "BankTransfer",
                        reference = $"ICBC-{amount:0}",
                    },
                    application,
                    Guid.NewGuid().ToString("N")
                ),
                HttpStatusCode.OK
            );
        }
    }

    private async Task<Guid> NewFund(Guid organization, string name) =>
        (
            await Json.Read(
                await Post($"{Api}/funds", new { organizationId = organization, name }),
                HttpStatusCode.Created
            )
        ).Id();

    private async Task<JsonElement> Income(Guid fund, string source, decimal amount, string on, string purpose) =>
        await Json.Read(
            await Post(
                $"{Api}/funds/{fund}/income",
                new
                {
                    source,
                    amount,
                    purpose,
                    occurredOn = on,
                }
            ),
            HttpStatusCode.Created
        );

    private async Task<HttpClient> User(string role, Guid? scope = null)
    {
        var username = Unique("stat");
        await Json.Read(
            await Post("/api/v1/users", NewUser.WithRole(username, Password, role, scope)),
            HttpStatusCode.Created
        );
        return await SignedInClient(username, Password);
    }

    private static Task<HttpResponseMessage> Send(
        HttpClient who,
        string url,
        object body,
        JsonElement? current = null,
        string? key = null
    )
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(
                JsonSerializer.Serialize(body, Json.Options),
                Encoding.UTF8,
                "application/json"
            ),
        };
        if (current is { } c)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{c.GetProperty("version").GetInt64()}\"");
        }
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        return who.SendAsync(request);
    }

    private static decimal Yuan(JsonElement e, string property) => e.GetProperty(property).GetDecimal();

    private static Dictionary<string, (long Count, decimal Amount)> Lines(JsonElement e, string list, string key) =>
        e.GetProperty(list)
            .EnumerateArray()
            .ToDictionary(l => l.Str(key)!, l => (l.GetProperty("count").GetInt64(), Yuan(l, "amount")));

    [Test]
    public async Task The_years_figures_are_exact_for_the_region_and_for_the_branch()
    {
        var region = await Json.Read(
            await Get($"{Api}/statistics?organizationId={_region}&year=2026"),
            HttpStatusCode.OK
        );
        var totals = region.GetProperty("totals");
        var sources = Lines(totals, "inBySource", "source");
        Assert.Multiple(() =>
        {
            // The allocation to the branch stays inside the region: neither in nor out; the reversed gift is off.
            Assert.That(Yuan(totals, "moneyIn"), Is.EqualTo(20150m));
            Assert.That(sources["SpecialDues"], Is.EqualTo((1L, 20000m)));
            Assert.That(sources["Interest"], Is.EqualTo((1L, 150m)));
            Assert.That(sources["Donation"], Is.EqualTo((0L, 0m)));
            Assert.That(sources.ContainsKey("AllocationFromAbove"), Is.False);
            Assert.That(Yuan(totals, "moneyOut"), Is.EqualTo(4500m));
            Assert.That(Lines(totals, "outByKind", "kind")["Aid"], Is.EqualTo((2L, 4500m)));
            Assert.That(Lines(totals, "aidByCategory", "category")["Illness"], Is.EqualTo((2L, 4500m)));
            Assert.That(Lines(totals, "aidByTier", "tier")["Street"], Is.EqualTo((1L, 1500m)));
            Assert.That(Lines(totals, "aidByTier", "tier")["District"], Is.EqualTo((1L, 3000m)));
            Assert.That(totals.GetProperty("payments").GetInt64(), Is.EqualTo(2));
            Assert.That(totals.GetProperty("peopleHelped").GetInt64(), Is.EqualTo(2));
            Assert.That(Yuan(totals, "averagePerPerson"), Is.EqualTo(2250m));
            Assert.That(Yuan(totals, "averagePerPayment"), Is.EqualTo(2250m));
            Assert.That(totals.GetProperty("visits").GetInt64(), Is.Zero);
            Assert.That(
                region.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()),
                Is.EqualTo(new[] { 2026 })
            );
        });

        var branch = await Json.Read(
            await Get($"{Api}/statistics?organizationId={_branch}&year=2026"),
            HttpStatusCode.OK
        );
        var branchTotals = branch.GetProperty("totals");
        Assert.Multiple(() =>
        {
            Assert.That(Yuan(branchTotals, "moneyIn"), Is.EqualTo(50000m), "from the fund above");
            Assert.That(Lines(branchTotals, "inBySource", "source")["AllocationFromAbove"], Is.EqualTo((1L, 50000m)));
            Assert.That(Yuan(branchTotals, "moneyOut"), Is.EqualTo(4500m));
        });
    }

    [Test]
    public async Task All_years_give_a_series_by_year_and_a_range_of_years_its_part()
    {
        var all = await Json.Read(await Get($"{Api}/statistics?organizationId={_region}"), HttpStatusCode.OK);
        var years = all.GetProperty("years").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Yuan(all.GetProperty("totals"), "moneyIn"), Is.EqualTo(120150m));
            Assert.That(years.Select(y => y.GetProperty("year").GetInt32()), Is.EqualTo(new[] { 2025, 2026 }));
            Assert.That(years.Select(y => Yuan(y, "moneyIn")), Is.EqualTo(new[] { 100000m, 20150m }));
            Assert.That(years.Select(y => Yuan(y, "moneyOut")), Is.EqualTo(new[] { 0m, 4500m }));
            Assert.That(years.Select(y => y.GetProperty("peopleHelped").GetInt64()), Is.EqualTo(new[] { 0L, 2L }));
        });
        var range = await Json.Read(
            await Get($"{Api}/statistics?organizationId={_region}&fromYear=2025&toYear=2025"),
            HttpStatusCode.OK
        );
        Assert.That(Yuan(range.GetProperty("totals"), "moneyIn"), Is.EqualTo(100000m));
        await Json.Problem(
            await Get($"{Api}/statistics?organizationId={_region}&fromYear=2026&toYear=2025"),
            HttpStatusCode.BadRequest
        );
        await Json.Problem(await Get($"{Api}/statistics?year=1899"), HttpStatusCode.BadRequest);
        await Json.Problem(await Get($"{Api}/statistics?year=abc"), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Another_regions_fund_manager_gets_404_for_the_figures_the_statement_and_the_export()
    {
        var other = (await CreateOrganization(Unique("别处统计市委"), kind: "Committee", field: "Government")).Id();
        var outsider = await User("FundManager", other);
        var own = await User("FundManager", _region);
        Assert.Multiple(async () =>
        {
            foreach (
                var url in new[]
                {
                    $"{Api}/statistics?organizationId={_region}",
                    $"{Api}/statistics/export?organizationId={_region}&format=Csv",
                    $"{Api}/funds/{_cityFund}/statement?year=2026",
                }
            )
            {
                Assert.That((await outsider.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), url);
                Assert.That((await own.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
            }
            var mine = await Json.Read(await outsider.GetAsync($"{Api}/statistics?year=2026"), HttpStatusCode.OK);
            Assert.That(Yuan(mine.GetProperty("totals"), "moneyIn"), Is.Zero, "nothing of another region");
        });
    }

    [Test]
    public async Task The_export_has_the_figures_by_year_in_either_format()
    {
        var csv = await Get($"{Api}/statistics/export?organizationId={_region}&format=Csv");
        var text = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var xlsx = await Get($"{Api}/statistics/export?organizationId={_region}");
        Assert.Multiple(async () =>
        {
            Assert.That(csv.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(csv.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
            Assert.That(text, Does.StartWith("年度,资金收入（元）,帮扶支出（元）"));
            Assert.That(text, Does.Contain("2025,100000").And.Contain("2026,20150"));
            Assert.That(xlsx.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await xlsx.Content.ReadAsByteArrayAsync())[..2], Is.EqualTo("PK"u8.ToArray()));
        });
    }

    [Test]
    public async Task The_statement_balances_to_the_ledger_at_the_years_end_with_names_masked()
    {
        var city = await Json.Read(await Get($"{Api}/funds/{_cityFund}/statement?year=2026"), HttpStatusCode.OK);
        var branch = await Json.Read(await Get($"{Api}/funds/{_branchFund}/statement?year=2026"), HttpStatusCode.OK);
        var lastYear = await Json.Read(await Get($"{Api}/funds/{_cityFund}/statement?year=2025"), HttpStatusCode.OK);
        var payments = branch.GetProperty("payments").EnumerateArray().ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(Yuan(city, "openingBalance"), Is.EqualTo(100000m));
            Assert.That(Yuan(city, "totalIn"), Is.EqualTo(20450m), "the reversed gift shows as its reversal");
            Assert.That(Lines(city, "moneyIn", "source")["Donation"], Is.EqualTo((1L, 300m)));
            Assert.That(Yuan(city.GetProperty("allocatedDown"), "amount"), Is.EqualTo(50000m));
            Assert.That(Yuan(city.GetProperty("reversals"), "amount"), Is.EqualTo(-300m));
            Assert.That(Yuan(city, "closingBalance"), Is.EqualTo(70150m));
            Assert.That(Yuan(city, "closingBalance"), Is.EqualTo(await LedgerAt(_cityFund, "2027-01-01")));
            Assert.That(Yuan(lastYear, "closingBalance"), Is.EqualTo(await LedgerAt(_cityFund, "2026-01-01")));
            Assert.That(Yuan(lastYear, "closingBalance"), Is.EqualTo(Yuan(city, "openingBalance")));

            Assert.That(Yuan(branch, "openingBalance"), Is.Zero);
            Assert.That(Lines(branch, "moneyIn", "source")["AllocationFromAbove"], Is.EqualTo((1L, 50000m)));
            Assert.That(Yuan(branch, "totalOut"), Is.EqualTo(4500m));
            Assert.That(
                branch.GetProperty("moneyOut").EnumerateArray().Single().Str("category"),
                Is.EqualTo("Illness")
            );
            Assert.That(Yuan(branch, "closingBalance"), Is.EqualTo(45500m));
            Assert.That(Yuan(branch, "closingBalance"), Is.EqualTo(await LedgerAt(_branchFund, "2027-01-01")));
            Assert.That(branch.GetProperty("peopleHelped").GetInt64(), Is.EqualTo(2));
            Assert.That(payments.Select(p => p.Str("name")), Is.EquivalentTo(new[] { "王*明", "李*兰" }));
            Assert.That(payments.Select(p => Yuan(p, "amount")), Is.EquivalentTo(new[] { 1500m, 3000m }));
            var raw = branch.GetRawText();
            Assert.That(raw, Does.Not.Contain("王大明").And.Not.Contain("李秀兰"));
            Assert.That(raw, Does.Not.Contain("idNumber").And.Not.Contain("phone").And.Not.Contain("ICBC"));
        });
        await Json.Problem(await Get($"{Api}/funds/{_cityFund}/statement?year=99999"), HttpStatusCode.BadRequest);
        await Json.Problem(await Get($"{Api}/funds/{Guid.NewGuid()}/statement"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task The_ledger_export_keeps_the_lists_filters_masks_payees_and_neutralizes_formulas()
    {
        var special = await Text($"{Api}/funds/{_cityFund}/entries/export?format=Csv&source=SpecialDues");
        var all = await Text($"{Api}/funds/{_cityFund}/entries/export?format=Csv");
        var branch = await Text($"{Api}/funds/{_branchFund}/entries/export?format=Csv&kind=Disbursement");
        var xlsx = await Get($"{Api}/funds/{_branchFund}/entries/export");
        Assert.Multiple(async () =>
        {
            Assert.That(special.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(2));
            Assert.That(special, Does.Contain("'=HYPERLINK").And.Contain("特殊党费"));
            Assert.That(special, Does.Not.Contain(",=HYPERLINK"));
            Assert.That(all.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(7));
            Assert.That(all, Does.Contain("冲正").And.Contain("向下级下拨"));
            Assert.That(branch, Does.Contain("王*明").And.Contain("李*兰").And.Contain("帮扶救助"));
            Assert.That(branch, Does.Not.Contain("王大明").And.Not.Contain("李秀兰"));
            Assert.That(branch, Does.Not.Contain("Disbursement"), "labels, not codes");
            Assert.That((await xlsx.Content.ReadAsByteArrayAsync())[..2], Is.EqualTo("PK"u8.ToArray()));
        });
        await Json.Problem(
            await Get($"{Api}/funds/{_cityFund}/entries/export?format=Csv&kind=Nothing"),
            HttpStatusCode.BadRequest
        );
        await Json.Problem(await Get($"{Api}/funds/{Guid.NewGuid()}/entries/export"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task The_applications_export_keeps_the_lists_filters_and_masks_names()
    {
        var paid = await Text($"{Api}/applications/export?format=Csv&status=Paid&year=2026&sort=amount");
        var none = await Text($"{Api}/applications/export?format=Csv&status=Rejected&memberId={Guid.NewGuid()}");
        Assert.Multiple(() =>
        {
            Assert.That(paid, Does.Contain("王*明").And.Contain("李*兰"));
            Assert.That(paid, Does.Not.Contain("王大明").And.Not.Contain("李秀兰"));
            Assert.That(paid, Does.Contain("重大疾病").And.Contain("区（县）委组织部"));
            Assert.That(
                paid.IndexOf("王*明", StringComparison.Ordinal),
                Is.LessThan(paid.IndexOf("李*兰", StringComparison.Ordinal)),
                "sorted by amount as the list"
            );
            Assert.That(none.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1), "headers");
            Assert.That(none, Does.StartWith("帮扶对象,帮扶类别"));
        });
    }

    private async Task<string> Text(string url)
    {
        var response = await Get(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        return text.TrimStart('\uFEFF');
    }

    /// <summary>Σ of the fund's ledger before a day, in yuan, straight from the table.</summary>
    private async Task<decimal> LedgerAt(Guid fund, string day)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var fen = await db.ExecuteScalarAsync<long>(
            "SELECT COALESCE(SUM(amount), 0) FROM assistance_ledger_entries "
                + "WHERE fund_id = @fund AND occurred_on < @day",
            new { fund, day = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture) }
        );
        return fen / 100m;
    }
}
