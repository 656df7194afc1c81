using System.Net;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Architecture;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jiceng.Tests.Dividends;

/// <summary>
/// The demo's plans are replayed on the app's DemoClock (as scripts/run.sh has it): each step's record, the approval,
/// the objection's entry, the payout list and every signature carry the day of their own document, not the moment
/// the demo was seeded (the test clock's now, years after 三海's 2024 meeting).
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class DividendsDemoTimelineTests(DatabaseProvider provider) : ApiTest(provider)
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private const string PlanIdSql = """
        SELECT p.id FROM dividend_plans p JOIN collectives c ON c.id = p.collective_id WHERE c.name = @name
        """;

    private const string PayoutTimesSql = """
        SELECT MIN(created_at) AS first_created, MAX(created_at) AS last_created, MIN(recorded_at) AS first_recorded,
            MAX(recorded_at) AS last_recorded, COUNT(DISTINCT recorded_at) AS distinct_recorded
        FROM dividend_payouts WHERE plan_id = @plan
        """;

    private const string ObjectionTimesSql = "SELECT created_at FROM dividend_plan_objections WHERE plan_id = @plan";

    private const string PlanCreatedSql = "SELECT created_at FROM dividend_plans WHERE id = @plan";

    private static readonly string SeedDirectory = DividendsSeedDirectory();

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Demo:SeedDirectory"] = SeedDirectory };

    /// <summary>scripts/seed without the volunteering and care-fund files: on a DemoClock the volunteering demo seeds
    /// in full (minutes on PostgreSQL), and neither is what this fixture looks at. Each seeder skips a missing file.
    /// </summary>
    private static string DividendsSeedDirectory()
    {
        var target = Path.Combine(Path.GetTempPath(), "jiceng-tests", "seed-dividends-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(target);
        foreach (var file in new[] { "demo-organizations.json", "demo-members.json", "demo-dividends.json" })
        {
            File.Copy(Path.Combine(Paths.Repository, "scripts", "seed", file), Path.Combine(target, file));
        }
        return target;
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(new DemoClock(Clock));
    }

    [Test]
    public async Task Sanhai_steps_approval_payout_list_and_signatures_are_stamped_on_their_own_days()
    {
        var seededAt = Clock.GetUtcNow();
        var planId = await Scalar<Guid>(
            PlanIdSql,
            new { name = "鹤壁市城乡一体化示范区朝阳街道三海社区股份经济合作社" }
        );
        var plan = await Json.Read(await Get($"/api/v1/dividends/plans/{planId}"), HttpStatusCode.OK);
        var records = plan.GetProperty("timeline")
            .EnumerateArray()
            .Select(t => t.GetProperty("record"))
            .Select(r => (Step: r.Str("step"), On: Day(r.Str("occurredOn")), At: Moment(r.Str("recordedAt"))))
            .ToList();
        var payouts = await Row<PayoutTimes>(PayoutTimesSql, planId);
        var created = await Scalar<DateTimeOffset>(PlanCreatedSql, new { plan = planId });
        var paidOn = new DateOnly(2024, 1, 20);
        Assert.Multiple(() =>
        {
            Assert.That(records.Select(r => r.Step), Does.Contain("branchProposal").And.Contain("payouts"));
            // Each record on its document's day (Shanghai), in order, none at the seeding moment.
            foreach (var (step, on, at) in records)
            {
                Assert.That(ShanghaiDay(at), Is.EqualTo(on), step);
                Assert.That(at, Is.Not.EqualTo(seededAt), step);
            }
            Assert.That(records.Select(r => r.At), Is.Ordered);
            Assert.That(records.Single(r => r.Step == "payouts").On, Is.EqualTo(paidOn));
            Assert.That(ShanghaiDay(Moment(plan.Str("approvedAt"))), Is.EqualTo(new DateOnly(2024, 1, 16)));
            Assert.That(ShanghaiDay(created), Is.EqualTo(new DateOnly(2024, 1, 2)));
            // The list made that morning, and the 1,948 signatures one after another through the day.
            Assert.That(ShanghaiDay(payouts.FirstCreated), Is.EqualTo(paidOn));
            Assert.That(ShanghaiDay(payouts.LastCreated), Is.EqualTo(paidOn));
            Assert.That(ShanghaiDay(payouts.FirstRecorded), Is.EqualTo(paidOn));
            Assert.That(ShanghaiDay(payouts.LastRecorded), Is.EqualTo(paidOn));
            Assert.That(payouts.DistinctRecorded, Is.EqualTo(1550 + 398));
        });
    }

    [Test]
    public async Task Xicun_objection_is_entered_on_the_day_it_was_received_and_nothing_is_stamped_in_the_future()
    {
        var seededAt = Clock.GetUtcNow();
        var planId = await Scalar<Guid>(PlanIdSql, new { name = "虎林市迎春镇西村股份经济合作社" });
        var plan = await Json.Read(await Get($"/api/v1/dividends/plans/{planId}"), HttpStatusCode.OK);
        var objections = await Json.Read(await Get($"/api/v1/dividends/plans/{planId}/objections"), HttpStatusCode.OK);
        var received = Day(objections.EnumerateArray().Single().Str("receivedOn"));
        var entered = await Scalar<DateTimeOffset>(ObjectionTimesSql, new { plan = planId });
        var records = plan.GetProperty("timeline")
            .EnumerateArray()
            .Where(t => t.GetProperty("done").GetBoolean())
            .Select(t => t.GetProperty("record"))
            .Select(r => (Step: r.Str("step"), On: Day(r.Str("occurredOn")), At: Moment(r.Str("recordedAt"))))
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ShanghaiDay(entered), Is.EqualTo(received));
            Assert.That(entered, Is.LessThan(seededAt));
            Assert.That(records, Has.Count.EqualTo(6), "four deliberation steps, the review and the notice");
            foreach (var (step, on, at) in records)
            {
                Assert.That(ShanghaiDay(at), Is.EqualTo(on), step);
                Assert.That(at, Is.LessThan(seededAt), step);
            }
        });
    }

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset Moment(string text) =>
        DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly ShanghaiDay(DateTimeOffset moment) =>
        DateOnly.FromDateTime(moment.ToOffset(Shanghai).DateTime);

    private async Task<T> Row<T>(string sql, Guid plan)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        return (await db.QueryAsync<T>(sql, new { plan })).Single();
    }

    private sealed record PayoutTimes
    {
        public DateTimeOffset FirstCreated { get; init; }
        public DateTimeOffset LastCreated { get; init; }
        public DateTimeOffset FirstRecorded { get; init; }
        public DateTimeOffset LastRecorded { get; init; }
        public long DistinctRecorded { get; init; }
    }
}
