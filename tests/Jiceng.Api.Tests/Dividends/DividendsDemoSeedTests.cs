using System.Diagnostics;
using System.Net;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Dividends;

/// <summary>
/// The first start of scripts/run.sh seeds the dividends demo through the module's commands: 三海社区's 2023 plan
/// reproduces the article (分红 108.5 万元 to 1,550 people, 养老金 15.92 万元 to 398), every step recorded by the
/// accountant who prepared it and the station's reviewer who approved it, every payout confirmed once; 敦化's
/// branch-led cooperatives count in the income bands; 西村's plan is on notice with its objection still open.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class DividendsDemoSeedTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string PartSumsSql = """
        SELECT l.part_no, COUNT(*) AS payouts, SUM(d.amount_fen) AS fen,
            SUM(CASE WHEN d.status = 'Paid' THEN 1 ELSE 0 END) AS paid,
            COUNT(DISTINCT d.payee_id) AS payees
        FROM dividend_payouts d JOIN dividend_plan_lines l ON l.plan_id = d.plan_id AND l.line_no = d.line_no
        WHERE d.plan_id = @plan
        GROUP BY l.part_no ORDER BY l.part_no
        """;

    private const string PlanIdSql = """
        SELECT p.id FROM dividend_plans p JOIN collectives c ON c.id = p.collective_id WHERE c.name = @name
        """;

    private const string OrganizationIdSql = "SELECT org_id FROM collectives WHERE name = @name";

    protected override bool StartsOnTheDemo => true;

    [Test]
    public async Task Sanhai_plan_reproduces_the_article_with_every_step_and_every_payout_confirmed_once()
    {
        var planId = await Scalar<Guid>(
            PlanIdSql,
            new { name = "鹤壁市城乡一体化示范区朝阳街道三海社区股份经济合作社" }
        );
        var plan = await Json.Read(await Get($"/api/v1/dividends/plans/{planId}"), HttpStatusCode.OK);
        var parts = plan.GetProperty("parts").EnumerateArray().ToList();
        var timeline = plan.GetProperty("timeline").EnumerateArray().ToList();
        var sums = await PartSums(planId);
        var unpaid = await Json.Read(
            await Get($"/api/v1/dividends/plans/{planId}/payouts?status=Unpaid"),
            HttpStatusCode.OK
        );
        var organization = await Scalar<Guid>(OrganizationIdSql, new { name = plan.Str("collectiveName") });
        var stats = await Json.Read(await Get($"/api/v1/organizations/{organization}/stats"), HttpStatusCode.OK);
        var dividends = stats.GetProperty("contributed").GetProperty("dividends");
        Assert.Multiple(() =>
        {
            Assert.That(plan.Str("stage"), Is.EqualTo("Approved"));
            Assert.That(plan.GetProperty("total").GetDecimal(), Is.EqualTo(1_085_000m + 159_200m));
            Assert.That(parts.Select(p => p.Str("kind")), Is.EqualTo(new[] { "Dividend", "Pension" }));
            Assert.That(parts.Select(p => p.GetProperty("payees").GetInt32()), Is.EqualTo(new[] { 1550, 398 }));
            Assert.That(parts.Select(p => p.GetProperty("amount").GetDecimal()), Is.EqualTo(new[] { 700m, 400m }));
            // From the database: each part's payouts, their sum to the 分, all paid, one per person.
            Assert.That(sums.Select(s => s.Payouts), Is.EqualTo(new long[] { 1550, 398 }));
            Assert.That(sums.Select(s => s.Fen), Is.EqualTo(new[] { 108_500_000L, 15_920_000L }));
            Assert.That(sums.Select(s => s.Paid), Is.EqualTo(new long[] { 1550, 398 }));
            Assert.That(sums.Select(s => s.Payees), Is.EqualTo(new long[] { 1550, 398 }));
            Assert.That(unpaid.GetProperty("total").GetInt64(), Is.Zero);
            Assert.That(timeline.Select(t => t.GetProperty("done").GetBoolean()), Is.All.True);
            Assert.That(timeline.Select(t => t.Str("step")), Does.Contain("assemblyResolution").And.Contain("payouts"));
            // Four eyes: the demo accountant prepared it, the station's demo reviewer approved it.
            Assert.That(plan.Str("preparedByName"), Is.EqualTo("周国庆"));
            Assert.That(plan.Str("approvedByName"), Is.EqualTo("钱文军"));
            Assert.That(dividends.GetProperty("members").GetInt64(), Is.EqualTo(1550));
            Assert.That(dividends.GetProperty("collectives").GetInt64(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Dunhua_cooperatives_and_the_plan_on_notice_with_its_open_objection()
    {
        var roots = (await Json.Read(await Get("/api/v1/organizations?depth=0&pageSize=50"), HttpStatusCode.OK))
            .GetProperty("items")
            .EnumerateArray()
            .ToDictionary(o => o.Str("name"), o => o.Id());
        var dunhua = await Json.Read(
            await Get($"/api/v1/organizations/{roots["中共敦化市委员会"]}/stats"),
            HttpStatusCode.OK
        );
        var bands = dunhua.GetProperty("contributed").GetProperty("dividends");
        var planId = await Scalar<Guid>(PlanIdSql, new { name = "虎林市迎春镇西村股份经济合作社" });
        var plan = await Json.Read(await Get($"/api/v1/dividends/plans/{planId}"), HttpStatusCode.OK);
        var objections = await Json.Read(await Get($"/api/v1/dividends/plans/{planId}/objections"), HttpStatusCode.OK);
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        Assert.Multiple(() =>
        {
            Assert.That(bands.GetProperty("cooperatives").GetInt64(), Is.EqualTo(4));
            Assert.That(bands.GetProperty("operatingIncomeReported").GetInt64(), Is.EqualTo(3));
            Assert.That(bands.GetProperty("weakCollectives").GetInt64(), Is.EqualTo(1));
            Assert.That(plan.Str("stage"), Is.EqualTo("Notice"));
            Assert.That(plan.GetProperty("openObjections").GetInt32(), Is.EqualTo(1));
            Assert.That(DateOnly.Parse(plan.Str("noticeEndsOn")), Is.GreaterThanOrEqualTo(today));
            Assert.That(plan.Str("checkCode"), Is.Not.Empty);
            Assert.That(plan.GetProperty("total").GetDecimal(), Is.EqualTo(158_000m));
            Assert.That(plan.Str("nextStep"), Is.EqualTo("approval"));
            Assert.That(objections.EnumerateArray().Select(o => o.Str("status")), Is.EqualTo(new[] { "Open" }));
        });
    }

    [Test]
    public async Task Seeding_again_adds_nothing_and_takes_little_time()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var seeder = scope
            .ServiceProvider.GetServices<Jiceng.Infrastructure.IDemoSeeder>()
            .Single(s => s.GetType().Name == "DividendsDemoSeeder");
        // The first start's figure, for the README: how long the demo dividends added to it.
        TestContext.Out.WriteLine(SeededDemo.SeedLog(Provider).FirstOrDefault(e => e.Contains("demo collectives")));
        var before = await Scalar<long>("SELECT COUNT(*) FROM collective_members", null);
        var watch = Stopwatch.StartNew();
        await seeder.SeedAsync(SeededDemo.SeedDirectory, CancellationToken.None);
        Assert.Multiple(async () =>
        {
            Assert.That(await Scalar<long>("SELECT COUNT(*) FROM collective_members", null), Is.EqualTo(before));
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        });
    }

    private async Task<List<PartSum>> PartSums(Guid plan)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        return [.. await db.QueryAsync<PartSum>(PartSumsSql, new { plan })];
    }

    private sealed record PartSum
    {
        public int PartNo { get; init; }
        public long Payouts { get; init; }
        public long Fen { get; init; }
        public long Paid { get; init; }
        public long Payees { get; init; }
    }
}
