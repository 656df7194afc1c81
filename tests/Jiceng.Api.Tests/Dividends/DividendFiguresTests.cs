using System.Net;
using Jiceng.Infrastructure.Database;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Dividends;

/// The subtree's figures (statistics endpoint and Organizations' contributor) and the module's to-dos.
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class DividendFiguresTests(DatabaseProvider provider) : PlanFixture(provider)
{
    [Test]
    public async Task Statistics_count_distributions_by_year_and_the_share_paid_out()
    {
        var plan = await PlanAt("Approved", 1000.01m, payouts: true);
        var payouts = await Json.Read(
            await Accountant.GetAsync($"/api/v1/dividends/plans/{plan}/payouts?pageSize=200"),
            HttpStatusCode.OK
        );
        var first = payouts.GetProperty("items")[0];
        await Json.Read(
            await Send(
                Accountant,
                $"/api/v1/dividends/payouts/{first.Id()}/confirm",
                new
                {
                    method = "Signature",
                    paidOn = Clock.GetUtcNow().UtcDateTime.Date.ToString("yyyy-MM-dd"),
                    reference = "签领表",
                },
                "\"1\""
            ),
            HttpStatusCode.OK
        );

        var statistics = await Json.Read(
            await Accountant.GetAsync($"/api/v1/dividends/statistics?organizationId={Organization}"),
            HttpStatusCode.OK
        );

        var year = statistics
            .GetProperty("years")
            .EnumerateArray()
            .Single(y => y.GetProperty("year").GetInt32() == 2025);
        var counts = statistics.GetProperty("counts");
        Assert.Multiple(() =>
        {
            Assert.That(counts.GetProperty("collectives").GetInt64(), Is.EqualTo(1));
            Assert.That(counts.GetProperty("members").GetInt64(), Is.EqualTo(5));
            Assert.That(counts.GetProperty("distributionPlans").GetInt64(), Is.GreaterThanOrEqualTo(1));
            Assert.That(year.GetProperty("distributed").GetDecimal(), Is.GreaterThanOrEqualTo(1800.01m));
            Assert.That(
                year.GetProperty("paidOut").GetDecimal(),
                Is.GreaterThanOrEqualTo(first.GetProperty("amount").GetDecimal())
            );
            Assert.That(year.GetProperty("paidOutPercent").GetDecimal(), Is.GreaterThan(0m));
            Assert.That(statistics.GetProperty("reportedOperatingIncome").GetDecimal(), Is.GreaterThan(0m));
        });
        Assert.That(
            (await Accountant.GetAsync("/api/v1/dividends/statistics")).StatusCode,
            Is.EqualTo(HttpStatusCode.BadRequest)
        );
        var (outsider, outsiderOrg) = await OutsiderClient();
        Assert.That(
            (await outsider.GetAsync($"/api/v1/dividends/statistics?organizationId={Organization}")).StatusCode,
            Is.EqualTo(HttpStatusCode.BadRequest),
            "another region's organization"
        );
        var theirs = await Json.Read(
            await outsider.GetAsync($"/api/v1/dividends/statistics?organizationId={outsiderOrg}"),
            HttpStatusCode.OK
        );
        Assert.That(theirs.GetProperty("years").GetArrayLength(), Is.Zero);
        var csv = await Accountant.GetAsync(
            $"/api/v1/dividends/statistics/export?organizationId={Organization}&format=Csv"
        );
        Assert.That(await csv.Content.ReadAsStringAsync(), Does.Contain("2025").And.Contain("发放率"));
    }

    [Test]
    public async Task The_work_queue_counts_plans_waiting_objections_and_unpaid_payouts()
    {
        await PlanAt("Review");
        var noticed = await PlanAt("Notice");
        await Json.Read(
            await Send(
                Accountant,
                $"/api/v1/dividends/plans/{noticed}/objections",
                new
                {
                    receivedOn = Clock.GetUtcNow().UtcDateTime.Date.ToString("yyyy-MM-dd"),
                    raisedBy = "村民甲",
                    content = "人口股计算有误",
                },
                null
            ),
            HttpStatusCode.Created
        );
        await PlanAt("Approved", payouts: true);

        await using var scope = Factory.Services.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetServices<IWorkQueueContributor>().Single(c => c.Key == "dividends");
        var items = (await queue.CountAsync(new(Organization, "", "~"), CancellationToken.None)).ToDictionary(i =>
            i.Key
        );

        Assert.Multiple(() =>
        {
            Assert.That(items["dividends.plansToReview"].Count, Is.GreaterThanOrEqualTo(1));
            Assert.That(items["dividends.openObjections"].Count, Is.GreaterThanOrEqualTo(1));
            Assert.That(items["dividends.unpaidPayouts"].Count, Is.GreaterThanOrEqualTo(6));
            Assert.That(items.Values.All(i => i.Label.Length > 0 && i.Path.StartsWith('/')), Is.True);
        });
    }
}
