using System.Net;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Assistance;

/// <summary>
/// The care fund's demo on the first start of scripts/run.sh reproduces the 鸡西 article: a start of 1,000,000 yuan
/// from city-managed dues and three yearly top-ups, 2,259,000 yuan paid to 1,344 members in hardship over three
/// years, applications in every state with five different people on each paid one, three Spring Festival lists
/// recorded and 1+N pairs, some without a log for three months; the ledger sums to the balance. Today is 2026-06-15.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class AssistanceDemoSeedTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Api = "/api/v1/assistance";

    protected override bool StartsOnTheDemo => true;

    [Test]
    public async Task The_ledger_pays_the_articles_figures_over_three_years_and_sums_to_the_balance()
    {
        var fund = await JixiFund();
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var entries = new { id = fund.Id() };
        var paid = await db.QuerySingleOrDefaultAsync<(long Fen, long People, long Entries)>(
            """
            SELECT CAST(-SUM(amount) AS BIGINT), COUNT(DISTINCT payee_member_id), COUNT(*)
            FROM assistance_ledger_entries WHERE fund_id = @id AND kind = 'Disbursement'
            """,
            entries
        );
        var income = await db.QueryAsync<(long Amount, string Source)>(
            "SELECT amount, source FROM assistance_ledger_entries WHERE fund_id = @id AND kind = 'Income' "
                + "ORDER BY occurred_on",
            entries
        );
        var sum = await db.ExecuteScalarAsync<long>(
            "SELECT SUM(amount) FROM assistance_ledger_entries WHERE fund_id = @id",
            entries
        );
        var held = await db.ExecuteScalarAsync<long>(
            "SELECT COALESCE(SUM(amount), 0) FROM assistance_fund_holds WHERE fund_id = @id AND status = 'Active'",
            entries
        );
        var outsideThreeYears = await db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM assistance_ledger_entries WHERE fund_id = @id AND kind = 'Disbursement' "
                + "AND (occurred_on < @from OR occurred_on > @to)",
            new
            {
                id = fund.Id(),
                from = new DateOnly(2024, 1, 1),
                to = new DateOnly(2026, 6, 15),
            }
        );
        var stats = await Json.Read(
            await Get($"/api/v1/organizations/{fund.Str("organizationId")}/stats"),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(paid.Fen, Is.EqualTo(225_900_000), "2,259,000 yuan");
            Assert.That(paid.People, Is.EqualTo(1344), "to 1,344 members in hardship");
            Assert.That(income.Select(i => i.Amount).First(), Is.EqualTo(100_000_000), "1,000,000 yuan to start");
            Assert.That(income, Has.Count.EqualTo(4), "the start and three yearly top-ups");
            Assert.That(income.Select(i => i.Source), Is.All.EqualTo("DuesShare"));
            Assert.That(fund.GetProperty("balance").GetDecimal() * 100, Is.EqualTo(sum), "balance = Σ ledger");
            Assert.That(sum, Is.EqualTo(income.Sum(i => i.Amount) - paid.Fen));
            Assert.That(held, Is.GreaterThan(0).And.LessThanOrEqualTo(sum), "approvals hold what the fund has");
            Assert.That(outsideThreeYears, Is.Zero, "paid over three years, none after today");
            Assert.That(
                stats.GetProperty("contributed").GetProperty("assistance").GetProperty("fundBalanceFen").GetInt64(),
                Is.EqualTo(sum),
                "the statistics show the ledger's balance"
            );
        });
    }

    [Test]
    public async Task Applications_are_in_every_state_and_five_people_did_each_paid_one()
    {
        var totals = new Dictionary<string, long>();
        foreach (
            var status in new[]
            {
                "Submitted",
                "Reviewed",
                "StreetApproved",
                "Approved",
                "Paid",
                "Confirmed",
                "Rejected",
                "Cancelled",
            }
        )
        {
            var page = await Json.Read(await Get($"{Api}/applications?status={status}&pageSize=1"), HttpStatusCode.OK);
            totals[status] = page.GetProperty("total").GetInt64();
        }
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var sameHands = await db.ExecuteScalarAsync<long>(
            """
            SELECT COUNT(*) FROM assistance_applications
            WHERE status IN ('Paid', 'Confirmed') AND (payer_id IN (applicant_id, preparer_id, street_approver_id)
                OR applicant_id IN (preparer_id, street_approver_id) OR preparer_id = street_approver_id
                OR district_approver_id IN (applicant_id, preparer_id, street_approver_id, payer_id))
            """
        );
        var repeats = await db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM assistance_applications WHERE repeat_of_id IS NOT NULL"
        );
        Assert.Multiple(() =>
        {
            Assert.That(totals.Values, Is.All.GreaterThan(0), string.Join(", ", totals));
            Assert.That(sameHands, Is.Zero, "applicant, preparer, each tier and payer are different people");
            Assert.That(repeats, Is.GreaterThan(0), "a repeat in the year is flagged");
        });
    }

    [Test]
    public async Task Three_Spring_Festival_lists_are_recorded_and_some_pairs_have_no_log_for_three_months()
    {
        var lists = await Json.Read(await Get($"{Api}/visit-lists?pageSize=10"), HttpStatusCode.OK);
        var pairs = await Json.Read(await Get($"{Api}/pairings?pageSize=1"), HttpStatusCode.OK);
        var stale = await Json.Read(await Get($"{Api}/pairings?staleOnly=true&pageSize=1"), HttpStatusCode.OK);
        var items = lists.GetProperty("items").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(
                items.Select(l => l.GetProperty("year").GetInt32()),
                Is.EquivalentTo(new[] { 2024, 2025, 2026 })
            );
            Assert.That(items.Select(l => l.Str("occasion")), Is.All.EqualTo("SpringFestival"));
            Assert.That(
                items,
                Is.All.Matches<JsonElement>(l =>
                    l.GetProperty("total").GetInt64() > 0
                    && l.GetProperty("visited").GetInt64() == l.GetProperty("total").GetInt64()
                )
            );
            Assert.That(stale.GetProperty("total").GetInt64(), Is.GreaterThan(0));
            Assert.That(
                stale.GetProperty("total").GetInt64(),
                Is.LessThan(pairs.GetProperty("total").GetInt64()),
                "most pairs logged help lately"
            );
        });
    }

    [Test]
    public async Task The_statistics_show_the_articles_figures_over_the_three_years()
    {
        var fund = await JixiFund();
        var organization = fund.Str("organizationId");
        var all = await Json.Read(await Get($"{Api}/statistics?organizationId={organization}"), HttpStatusCode.OK);
        var three = await Json.Read(
            await Get($"{Api}/statistics?organizationId={organization}&fromYear=2024&toYear=2026"),
            HttpStatusCode.OK
        );
        var years = three.GetProperty("years").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            foreach (var totals in new[] { all.GetProperty("totals"), three.GetProperty("totals") })
            {
                Assert.That(totals.GetProperty("moneyOut").GetDecimal(), Is.EqualTo(2_259_000m), "2,259,000 yuan");
                Assert.That(totals.GetProperty("peopleHelped").GetInt64(), Is.EqualTo(1344), "to 1,344 people");
                Assert.That(totals.GetProperty("visits").GetInt64(), Is.GreaterThan(0));
                Assert.That(totals.GetProperty("pairsActive").GetInt64(), Is.GreaterThan(0));
                Assert.That(totals.GetProperty("helpLogs").GetInt64(), Is.GreaterThan(0));
            }
            Assert.That(years.Select(y => y.GetProperty("year").GetInt32()), Is.EqualTo(new[] { 2024, 2025, 2026 }));
            Assert.That(years.Sum(y => y.GetProperty("moneyOut").GetDecimal()), Is.EqualTo(2_259_000m));
            Assert.That(
                all.GetProperty("totals").GetProperty("moneyIn").GetDecimal(),
                Is.EqualTo(2_350_000m),
                "the start and three top-ups"
            );
        });
    }

    private async Task<JsonElement> JixiFund()
    {
        var funds = await Json.Read(await Get($"{Api}/funds?pageSize=50"), HttpStatusCode.OK);
        return funds.GetProperty("items").EnumerateArray().Single(f => f.Str("name") == "鸡西市党内关怀帮扶专项资金");
    }
}
