using System.Net;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Dividends;

/// Changing a plan after the station's review: a new version that restarts the notice, the old one readable; each
/// payout line explains itself; the plan list and its export.
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class PlanVersionTests(DatabaseProvider provider) : PlanFixture(provider)
{
    private object Revision(decimal pool, string reason = "成员代表大会复议，调整分红总额") =>
        new
        {
            terms = Terms(pool),
            reason,
            documentRef = "复议决议",
        };

    [Test]
    public async Task Changing_an_approved_plan_makes_a_new_version_that_restarts_the_notice()
    {
        var id = await PlanAt("Approved", 1000.01m);
        var before = await Json.Read(await Accountant.GetAsync($"/api/v1/dividends/plans/{id}"), HttpStatusCode.OK);

        var revised = await Json.Read(await Step(Accountant, id, "revise", Revision(1200m)), HttpStatusCode.OK);

        var newId = revised.Id();
        Assert.Multiple(() =>
        {
            Assert.That(newId, Is.Not.EqualTo(id));
            Assert.That(revised.GetProperty("versionNo").GetInt32(), Is.EqualTo(2));
            Assert.That(revised.GetProperty("supersedesId").GetGuid(), Is.EqualTo(id));
            Assert.That(revised.GetProperty("planGroupId").GetGuid(), Is.EqualTo(id));
            Assert.That(revised.Str("stage"), Is.EqualTo("Notice"));
            Assert.That(revised.Str("nextStep"), Is.EqualTo("publicNotice"), "the notice starts again");
            Assert.That(revised.GetProperty("noticeStartsOn").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(revised.GetProperty("checkCode").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(revised.GetProperty("total").GetDecimal(), Is.EqualTo(2000m), "1200 + two pensions of 400");
            Assert.That(revised.Str("revisionReason"), Is.EqualTo("成员代表大会复议，调整分红总额"));
            var timeline = revised.GetProperty("timeline").EnumerateArray().ToList();
            Assert.That(
                timeline.Single(t => t.Str("step") == "assemblyResolution").GetProperty("done").GetBoolean(),
                Is.True,
                "the deliberation carries over"
            );
            Assert.That(
                timeline.Single(t => t.Str("step") == "publicNotice").GetProperty("done").GetBoolean(),
                Is.False
            );
        });

        var old = await Json.Read(await Accountant.GetAsync($"/api/v1/dividends/plans/{id}"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(old.Str("stage"), Is.EqualTo("Superseded"));
            Assert.That(old.GetProperty("supersededById").GetGuid(), Is.EqualTo(newId));
            Assert.That(old.GetProperty("total").GetDecimal(), Is.EqualTo(1800.01m), "the old one stays as it was");
            Assert.That(old.Str("checkCode"), Is.EqualTo(before.Str("checkCode")));
        });
        var oldLines = await Json.Read(
            await Accountant.GetAsync($"/api/v1/dividends/plans/{id}/lines?pageSize=200"),
            HttpStatusCode.OK
        );
        Assert.That(
            oldLines.GetProperty("items").EnumerateArray().Sum(l => l.GetProperty("amount").GetDecimal()),
            Is.EqualTo(1800.01m)
        );

        var versions = await Json.Read(
            await Accountant.GetAsync($"/api/v1/dividends/plans/{newId}/versions"),
            HttpStatusCode.OK
        );
        Assert.That(
            versions.EnumerateArray().Select(v => (v.GetProperty("versionNo").GetInt32(), v.Str("stage"))),
            Is.EqualTo(new[] { (1, "Superseded"), (2, "Notice") })
        );

        // The old version no longer changes, nor takes payouts.
        Assert.That(await Code(await Step(Accountant, id, "revise", Revision(1300m))), Is.EqualTo("plan_superseded"));
        Assert.That(await Code(await Step(Accountant, id, "payouts", new { })), Is.EqualTo("plan_wrong_stage"));

        // The new version goes through its notice and approval again, by someone other than its preparer.
        var today = Clock.GetUtcNow().UtcDateTime.Date;
        await Json.Read(
            await Step(
                Accountant,
                newId,
                "notice",
                new { startsOn = today.AddDays(-8).ToString("yyyy-MM-dd"), documentRef = "公示栏" }
            ),
            HttpStatusCode.OK
        );
        var approved = await Json.Read(
            await Step(
                Reviewer,
                newId,
                "approve",
                new { approvedOn = today.ToString("yyyy-MM-dd"), documentRef = "批复" }
            ),
            HttpStatusCode.OK
        );
        Assert.That(approved.Str("stage"), Is.EqualTo("Approved"));
    }

    [Test]
    public async Task A_draft_is_not_versioned_and_a_plan_with_payouts_no_longer_changes()
    {
        var draft = await PlanAt("Draft");
        Assert.That(
            await Code(await Step(Accountant, draft, "revise", Revision(10m))),
            Is.EqualTo("plan_not_revisable")
        );

        var paid = await PlanAt("Approved", payouts: true);
        Assert.That(
            await Code(await Step(Accountant, paid, "revise", Revision(10m))),
            Is.EqualTo("plan_payouts_exist")
        );

        var review = await PlanAt("Review");
        var stale = await Send(Accountant, $"/api/v1/dividends/plans/{review}/revise", Revision(10m), "\"1\"");
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        var noReason = await Step(Accountant, review, "revise", new { terms = Terms(10m), reason = " " });
        var problem = await Json.Problem(noReason, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty("reason", out _), Is.True, problem.ToString());
        var atReview = await Json.Read(await Step(Accountant, review, "revise", Revision(10m)), HttpStatusCode.OK);
        Assert.That(atReview.Str("stage"), Is.EqualTo("Review"), "a plan not yet reviewed waits for the review again");
    }

    [Test]
    public async Task Each_payout_line_explains_its_shares_rate_and_the_fen_from_the_remainder()
    {
        var id = await PlanAt("Draft", 1000.01m);

        var lines = await Json.Read(
            await Accountant.GetAsync($"/api/v1/dividends/plans/{id}/lines?partNo=0&sort=lineNo"),
            HttpStatusCode.OK
        );

        var items = lines.GetProperty("items").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(lines.GetProperty("total").GetInt64(), Is.EqualTo(4));
            Assert.That(items.Sum(l => l.GetProperty("amount").GetDecimal()), Is.EqualTo(1000.01m));
            foreach (var l in items)
            {
                var exact = decimal.Parse(l.Str("exact"), System.Globalization.CultureInfo.InvariantCulture);
                var units = decimal.Parse(l.Str("units"), System.Globalization.CultureInfo.InvariantCulture);
                var rate = decimal.Parse(l.Str("rate"), System.Globalization.CultureInfo.InvariantCulture);
                Assert.That(Math.Abs(units * rate - exact), Is.LessThan(0.0001m), l.ToString());
                Assert.That(
                    l.GetProperty("base").GetDecimal() + l.GetProperty("remainder").GetDecimal(),
                    Is.EqualTo(l.GetProperty("amount").GetDecimal())
                );
                Assert.That(l.Str("explanation"), Does.Contain(" × ").And.Contain("元"), l.ToString());
                Assert.That(l.Str("idNumberMasked"), Does.Contain("*"), "ID numbers masked");
            }
            Assert.That(
                items.Where(l => l.GetProperty("remainder").GetDecimal() > 0).Select(l => l.Str("explanation")),
                Has.All.Contains("尾差分配 1 分")
            );
        });

        var csv = await Accountant.GetAsync($"/api/v1/dividends/plans/{id}/lines/export?format=Csv");
        Assert.That(csv.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var text = await csv.Content.ReadAsStringAsync();
        Assert.That(text, Does.Contain("计算说明").And.Contain("成员0"));
        var xlsx = await Accountant.GetAsync($"/api/v1/dividends/plans/{id}/lines/export");
        Assert.That(xlsx.Content.Headers.ContentType?.MediaType, Does.Contain("spreadsheetml"));

        Assert.That(
            (await Accountant.GetAsync($"/api/v1/dividends/plans/{id}/lines?sort=payee")).StatusCode,
            Is.EqualTo(HttpStatusCode.BadRequest)
        );
    }

    [Test]
    public async Task The_plan_list_shows_current_versions_in_scope_and_exports()
    {
        var id = await PlanAt("Review", 77.77m);
        await Json.Read(await Step(Accountant, id, "revise", Revision(88.88m, "=HYPERLINK(\"x\")")), HttpStatusCode.OK);

        var list = await Json.Read(
            await Accountant.GetAsync($"/api/v1/dividends/plans?collectiveId={CollectiveId}&pageSize=200"),
            HttpStatusCode.OK
        );
        var all = await Json.Read(
            await Accountant.GetAsync(
                $"/api/v1/dividends/plans?collectiveId={CollectiveId}&allVersions=true&pageSize=200"
            ),
            HttpStatusCode.OK
        );
        var ids = list.GetProperty("items").EnumerateArray().Select(p => p.Id()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Does.Not.Contain(id), "a superseded version is left out by default");
            Assert.That(all.GetProperty("items").EnumerateArray().Select(p => p.Id()), Does.Contain(id));
            Assert.That(all.GetProperty("total").GetInt64(), Is.GreaterThan(list.GetProperty("total").GetInt64()));
        });

        // Another region's plans are not listed, and its plan is 404.
        var (outsider, _) = await OutsiderClient();
        var theirs = await Json.Read(await outsider.GetAsync("/api/v1/dividends/plans"), HttpStatusCode.OK);
        Assert.That(theirs.GetProperty("items").EnumerateArray().Select(p => p.Id()), Does.Not.Contain(ids[0]));
        Assert.That(
            (await outsider.GetAsync($"/api/v1/dividends/plans/{ids[0]}/lines")).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound)
        );
        Assert.That(
            (await outsider.GetAsync($"/api/v1/dividends/plans/{ids[0]}/versions")).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound)
        );

        var csv = await Accountant.GetAsync($"/api/v1/dividends/plans/export?format=Csv&collectiveId={CollectiveId}");
        Assert.That(csv.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await csv.Content.ReadAsStringAsync(), Does.Contain("分配方案").Or.Contain("2025年度收益分配方案"));
        Assert.That(
            (await Accountant.GetAsync("/api/v1/dividends/plans?stage=Nope")).StatusCode,
            Is.EqualTo(HttpStatusCode.BadRequest)
        );
    }
}
