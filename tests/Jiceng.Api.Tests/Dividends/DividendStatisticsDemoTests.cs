using System.Net;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Dividends;

/// The statistics screen's figures from the demo data: 三海社区's subtree shows the article's two amounts by kind of
/// part (分红 1,085,000 yuan to 1,550 people, 养老金 159,200 yuan to 398), and the export carries them.
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class DividendStatisticsDemoTests(DatabaseProvider provider) : ApiTest(provider)
{
    protected override bool StartsOnTheDemo => true;

    [Test]
    public async Task Sanhai_subtree_shows_the_dividend_and_the_pension_by_kind_of_part()
    {
        Guid organization;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            organization = (
                await scope
                    .ServiceProvider.GetRequiredService<DbSession>()
                    .ExecuteScalarAsync<Guid>(
                        "SELECT org_id FROM collectives WHERE name = @name",
                        new { name = "鹤壁市城乡一体化示范区朝阳街道三海社区股份经济合作社" }
                    )
            )!;
        }
        var statistics = await Json.Read(
            await Get($"/api/v1/dividends/statistics?organizationId={organization}"),
            HttpStatusCode.OK
        );
        var year = statistics
            .GetProperty("years")
            .EnumerateArray()
            .Single(y => y.GetProperty("year").GetInt32() == 2023);
        var parts = year.GetProperty("parts").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(parts.Select(p => p.Str("kind")), Is.EqualTo(new[] { "Dividend", "Pension" }));
            Assert.That(parts.Select(p => p.GetProperty("payees").GetInt64()), Is.EqualTo(new[] { 1550L, 398L }));
            Assert.That(
                parts.Select(p => p.GetProperty("amount").GetDecimal()),
                Is.EqualTo(new[] { 1_085_000m, 159_200m })
            );
            Assert.That(year.GetProperty("distributed").GetDecimal(), Is.EqualTo(1_244_200m));
        });
        var csv = await (
            await Get($"/api/v1/dividends/statistics/export?organizationId={organization}&format=Csv")
        ).Content.ReadAsStringAsync();
        Assert.That(csv, Does.Contain("养老金人数").And.Contain("1085000").And.Contain("159200").And.Contain("398"));
    }
}
