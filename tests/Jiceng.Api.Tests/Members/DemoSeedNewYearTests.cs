using System.Net;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Architecture;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jiceng.Tests.Members;

/// <summary>
/// A fresh install started on 12 January 2027, before anyone has entered 2027's holiday notice (the shipped calendar
/// ends with 2026): the demo still seeds, dated up to the last day the calendar covers, instead of its candidate
/// notices running into a year without a calendar and failing the first start with calendar_year_missing.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class DemoSeedNewYearTests(DatabaseProvider provider) : ApiTest(provider)
{
    private static readonly DateTimeOffset NewYear = new(2027, 1, 12, 2, 0, 0, TimeSpan.Zero);

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Demo:SeedDirectory"] = Path.Combine(Paths.Repository, "scripts", "seed") };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(new TestClock(NewYear));
    }

    [Test]
    public async Task The_demo_seeds_in_a_january_before_the_new_years_calendar_is_entered()
    {
        var members = await Json.Read(await Get("/api/v1/members?pageSize=200&sort=-joinedOn"), HttpStatusCode.OK);
        var calendar = await Json.Read(await Get("/api/v1/calendar"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(members.GetProperty("total").GetInt64(), Is.GreaterThan(300));
            Assert.That(calendar.ToString(), Does.Not.Contain("2027"), "the shipped calendar ends with 2026");
        });
    }
}
