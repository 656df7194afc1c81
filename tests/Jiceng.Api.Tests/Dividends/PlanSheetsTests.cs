using System.Net;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Dividends;

/// The data of the print views (公示 sheet, 签领表, share certificate) and a household's statement over the years.
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class PlanSheetsTests(DatabaseProvider provider) : PlanFixture(provider)
{
    private string Today => Clock.GetUtcNow().UtcDateTime.Date.ToString("yyyy-MM-dd");

    private async Task<(Guid Plan, List<JsonElement> Payouts)> Paying()
    {
        var plan = await PlanAt("Approved", 1000.01m, payouts: true);
        var list = await Json.Read(
            await Accountant.GetAsync($"/api/v1/dividends/plans/{plan}/payouts?pageSize=200"),
            HttpStatusCode.OK
        );
        return (plan, list.GetProperty("items").EnumerateArray().ToList());
    }

    [Test]
    public async Task The_notice_sheet_has_a_row_per_payee_with_masked_ids_and_the_check_code()
    {
        var id = await PlanAt("Notice", 1000.01m);

        var sheet = await Json.Read(
            await Accountant.GetAsync($"/api/v1/dividends/plans/{id}/notice-sheet"),
            HttpStatusCode.OK
        );

        var rows = sheet.GetProperty("rows").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(sheet.Str("checkCode"), Has.Length.EqualTo(10));
            Assert.That(sheet.Str("checkPath"), Does.EndWith(sheet.Str("checkCode")));
            Assert.That(sheet.GetProperty("parts").GetArrayLength(), Is.EqualTo(2));
            Assert.That(rows, Has.Count.EqualTo(4), "four payees, the pension folded into their row");
            Assert.That(rows.Sum(r => r.GetProperty("total").GetDecimal()), Is.EqualTo(1800.01m));
            Assert.That(sheet.GetProperty("total").GetDecimal(), Is.EqualTo(1800.01m));
            Assert.That(rows.All(r => r.Str("idNumberMasked").Contains('*')), Is.True);
            Assert.That(
                rows.Count(r => r.GetProperty("amounts")[1].GetDecimal() == 400m),
                Is.EqualTo(2),
                "two pensioners"
            );
        });
        var (outsider, _) = await OutsiderClient();
        Assert.That(
            (await outsider.GetAsync($"/api/v1/dividends/plans/{id}/notice-sheet")).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound)
        );
    }

    [Test]
    public async Task The_sign_sheet_puts_a_reissue_in_place_of_the_failed_transfer()
    {
        var (plan, payouts) = await Paying();
        await Json.Read(
            await Send(
                Accountant,
                $"/api/v1/dividends/payouts/{payouts[0].Id()}/fail",
                new { reason = "销户" },
                "\"1\""
            ),
            HttpStatusCode.OK
        );
        var reissue = await Json.Read(
            await Send(Accountant, $"/api/v1/dividends/payouts/{payouts[0].Id()}/reissue", new { }, "\"2\""),
            HttpStatusCode.OK
        );

        var sheet = await Json.Read(
            await Accountant.GetAsync($"/api/v1/dividends/plans/{plan}/sign-sheet"),
            HttpStatusCode.OK
        );

        var rows = sheet.GetProperty("rows").EnumerateArray().ToList();
        var ids = rows.SelectMany(r => r.GetProperty("payoutIds").EnumerateArray().Select(i => i.GetGuid())).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(4));
            Assert.That(sheet.GetProperty("total").GetDecimal(), Is.EqualTo(1800.01m));
            Assert.That(ids, Does.Contain(reissue.Id()).And.Not.Contain(payouts[0].Id()));
            Assert.That(rows.All(r => !r.GetProperty("paid").GetBoolean()), Is.True);
        });
    }

    [Test]
    public async Task A_household_statement_sums_its_payouts_by_year()
    {
        var (_, payouts) = await Paying();
        var household = payouts[0].GetProperty("householdId").GetGuid();
        var mine = payouts.Where(p => p.GetProperty("householdId").GetGuid() == household).ToList();
        await Json.Read(
            await Send(
                Accountant,
                $"/api/v1/dividends/payouts/{mine[0].Id()}/confirm",
                new
                {
                    method = "Signature",
                    paidOn = Today,
                    reference = "签领表",
                },
                "\"1\""
            ),
            HttpStatusCode.OK
        );

        var statement = await Json.Read(
            await Accountant.GetAsync($"/api/v1/dividends/households/{household}/statement?fromYear=2025&toYear=2025"),
            HttpStatusCode.OK
        );

        var year = statement.GetProperty("years")[0];
        var paid = mine[0].GetProperty("amount").GetDecimal();
        var unpaid = mine.Skip(1).Sum(p => p.GetProperty("amount").GetDecimal());
        Assert.Multiple(() =>
        {
            Assert.That(year.GetProperty("year").GetInt32(), Is.EqualTo(2025));
            Assert.That(year.GetProperty("paid").GetDecimal(), Is.EqualTo(paid));
            Assert.That(year.GetProperty("unpaid").GetDecimal(), Is.EqualTo(unpaid));
            Assert.That(year.GetProperty("entries").EnumerateArray().All(e => e.Str("partLabel").Length > 0), Is.True);
        });
        var csv = await Accountant.GetAsync($"/api/v1/dividends/households/{household}/statement/export?format=Csv");
        Assert.That(await csv.Content.ReadAsStringAsync(), Does.Contain("年度").And.Contain("养老金"));
        Assert.That(
            (
                await Accountant.GetAsync(
                    $"/api/v1/dividends/households/{household}/statement?fromYear=2026&toYear=2025"
                )
            ).StatusCode,
            Is.EqualTo(HttpStatusCode.BadRequest)
        );
        var (outsider, _) = await OutsiderClient();
        Assert.That(
            (await outsider.GetAsync($"/api/v1/dividends/households/{household}/statement")).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound)
        );
    }

    [Test]
    public async Task The_share_certificate_shows_the_household_shares_on_the_day()
    {
        var (_, payouts) = await Paying();
        // Persons 2 and 3 (and 4, whose shares came in 2026) share household H2.
        var household = payouts.First(p => p.Str("name") == "成员2").GetProperty("householdId").GetGuid();

        var certificate = await Json.Read(
            await Accountant.GetAsync($"/api/v1/dividends/households/{household}/certificate?asOf=2025-12-31"),
            HttpStatusCode.OK
        );

        var totals = certificate
            .GetProperty("totals")
            .EnumerateArray()
            .ToDictionary(t => t.Str("shareTypeName"), t => t.GetProperty("quantity").GetInt64());
        Assert.Multiple(() =>
        {
            Assert.That(certificate.Str("householdNumber"), Is.EqualTo("H2"));
            Assert.That(certificate.Str("certificateNo"), Does.EndWith("-H2"));
            Assert.That(certificate.GetProperty("members").GetArrayLength(), Is.EqualTo(2));
            Assert.That(totals, Is.EqualTo(new Dictionary<string, long> { ["Population"] = 2, ["LabourAge"] = 5 }));
            Assert.That(
                certificate.GetProperty("members").EnumerateArray().All(m => m.Str("idNumberMasked").Contains('*')),
                Is.True
            );
        });
        var (outsider, _) = await OutsiderClient();
        Assert.That(
            (await outsider.GetAsync($"/api/v1/dividends/households/{household}/certificate")).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound)
        );
    }

    [Test]
    public async Task The_objections_income_statements_and_share_changes_export()
    {
        var id = await PlanAt("Notice");
        await Json.Read(
            await Send(
                Accountant,
                $"/api/v1/dividends/plans/{id}/objections",
                new
                {
                    receivedOn = Today,
                    raisedBy = "村民乙",
                    content = "=1+1 劳龄股有误",
                },
                null
            ),
            HttpStatusCode.Created
        );

        var objections = await Accountant.GetAsync($"/api/v1/dividends/plans/{id}/objections/export?format=Csv");
        var text = await objections.Content.ReadAsStringAsync();
        Assert.That(text, Does.Contain("村民乙").And.Contain("'=1+1"), "formula cells neutralized");
        var changes = await Accountant.GetAsync(
            $"/api/v1/dividends/collectives/{CollectiveId}/share-changes/export?format=Csv"
        );
        Assert.That(await changes.Content.ReadAsStringAsync(), Does.Contain("成员0").And.Contain("生效日期"));
        var incomes = await Accountant.GetAsync($"/api/v1/dividends/collectives/{CollectiveId}/incomes/export");
        Assert.That(incomes.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(incomes.Content.Headers.ContentType?.MediaType, Does.Contain("spreadsheetml"));
        var (outsider, _) = await OutsiderClient();
        Assert.That(
            (await outsider.GetAsync($"/api/v1/dividends/plans/{id}/objections/export")).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound)
        );
    }
}
