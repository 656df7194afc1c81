using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Architecture;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jiceng.Tests.Volunteering;

/// <summary>
/// The first start's volunteering demo, on the demo tree and members, with the figures of the shipped file scaled
/// down (the file's own figures take a minute to seed; scripts/run.sh seeds them, this keeps the suite quick): the
/// subtree statistics count each region's teams, demands claimed, demands done for members in hardship and
/// micro-wishes done exactly as the file asks; every state of a demand and of a wish is there, some demands overdue;
/// an activity gave hours, a volunteer has a star and a certificate, a late entry waits; names never cross regions.
/// Today is 2026-06-15 (the test clock, wrapped in the app's DemoClock as scripts/run.sh has it).
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class VolunteeringDemoSeedTests(DatabaseProvider provider) : ApiTest(provider)
{
    /// <summary>The shipped file's region figures divided by this (at least 10 each: more than the demands and
    /// wishes that show every state already count).</summary>
    private const int Scale = 40;

    private static readonly string SeedDirectory = ScaledSeedDirectory();

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Demo:SeedDirectory"] = SeedDirectory };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(new DemoClock(Clock));
    }

    /// <summary>scripts/seed with demo-volunteering.json's figures divided by <see cref="Scale"/>.</summary>
    private static string ScaledSeedDirectory()
    {
        var source = Path.Combine(Paths.Repository, "scripts", "seed");
        var target = Path.Combine(
            Path.GetTempPath(),
            "jiceng-tests",
            "seed-volunteering-" + Guid.NewGuid().ToString("N")
        );
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source, "*.json"))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
        var volunteering = JsonNode.Parse(File.ReadAllText(Path.Combine(source, "demo-volunteering.json")))!;
        foreach (var region in volunteering["regions"]!.AsArray())
        {
            foreach (var figure in new[] { "teams", "demandsClaimed", "doneForMembersInHardship", "wishesDone" })
            {
                region![figure] = Math.Max(10, region[figure]!.GetValue<int>() / Scale);
            }
        }
        File.WriteAllText(Path.Combine(target, "demo-volunteering.json"), volunteering.ToJsonString());
        return target;
    }

    private static List<JsonElement> Regions() =>
        [
            .. JsonDocument
                .Parse(File.ReadAllText(Path.Combine(SeedDirectory, "demo-volunteering.json")))
                .RootElement.GetProperty("regions")
                .EnumerateArray(),
        ];

    [Test]
    public async Task The_statistics_count_each_regions_figures_as_the_file_asks()
    {
        var roots = await Roots();
        foreach (var region in Regions())
        {
            var root = roots[region.Str("root")];
            var stats = await Json.Read(await Get($"/api/v1/organizations/{root}/stats"), HttpStatusCode.OK);
            var figures = stats.GetProperty("contributed").GetProperty("volunteering");
            Assert.Multiple(() =>
            {
                foreach (
                    var (figure, key) in new[]
                    {
                        ("teams", "teams"),
                        ("demandsClaimed", "demandsClaimed"),
                        ("doneForMembersInHardship", "doneForMembersInHardship"),
                        ("wishesDone", "wishesDone"),
                    }
                )
                {
                    Assert.That(
                        figures.GetProperty(key).GetInt64(),
                        Is.EqualTo(region.GetProperty(figure).GetInt64()),
                        $"{region.Str("root")}: {key}"
                    );
                }
                Assert.That(figures.GetProperty("volunteers").GetInt64(), Is.GreaterThan(0));
                Assert.That(figures.GetProperty("hoursCredited").GetInt64(), Is.GreaterThan(0));
            });
        }
    }

    [Test]
    public async Task Every_state_of_a_demand_is_there_and_some_are_overdue()
    {
        foreach (
            var state in new[]
            {
                "Submitted",
                "Accepted",
                "Open",
                "Assigned",
                "InService",
                "Completed",
                "Rated",
                "Closed",
                "Rejected",
                "Cancelled",
            }
        )
        {
            Assert.That(
                await Total($"/api/v1/volunteering/demands?state={state}&pageSize=1"),
                Is.GreaterThan(0),
                state
            );
        }
        var overdue = await Items("/api/v1/volunteering/demands?overdue=true&pageSize=100");
        Assert.That(overdue.Select(d => d.GetProperty("daysLate").GetInt32()), Has.Some.GreaterThan(0));
        Assert.That(overdue.Select(d => d.Str("state")).Distinct().Count(), Is.GreaterThanOrEqualTo(3));
        // Both ways of assignment, and the steps a user takes besides the straight road.
        var assigned = await Items("/api/v1/volunteering/demands?state=Assigned&pageSize=100");
        Assert.That(
            assigned.Select(d => d.Str("assignment")).Distinct(),
            Is.SupersetOf(new[] { "Dispatched", "Claimed" })
        );
        var steps = new HashSet<string>();
        foreach (var state in new[] { "Accepted", "Assigned", "Closed" })
        {
            foreach (var demand in await Items($"/api/v1/volunteering/demands?state={state}&pageSize=30"))
            {
                var whole = await Json.Read(
                    await Get($"/api/v1/volunteering/demands/{demand.Id()}"),
                    HttpStatusCode.OK
                );
                steps.UnionWith(whole.GetProperty("steps").EnumerateArray().Select(s => s.Str("step")));
            }
        }
        Assert.That(steps, Is.SupersetOf(new[] { "Reopen", "Redispatch", "FollowUp", "Claim", "Dispatch" }));
    }

    [Test]
    public async Task Every_state_of_a_wish_is_there()
    {
        foreach (var state in new[] { "Open", "Claimed", "Delivered", "Received", "Cancelled" })
        {
            Assert.That(await Total($"/api/v1/volunteering/wishes?state={state}&pageSize=1"), Is.GreaterThan(0), state);
        }
    }

    [Test]
    public async Task Activities_gave_hours_a_star_a_certificate_and_a_late_entry_to_approve()
    {
        var volunteers = await Items("/api/v1/volunteering/volunteers?pageSize=200");
        var star = volunteers.Where(v => v.GetProperty("starLevel").GetInt32() >= 1).ToList();
        Assert.That(star, Is.Not.Empty, "a volunteer with a star");
        Assert.That(star[0].GetProperty("totalHours").GetDecimal(), Is.GreaterThanOrEqualTo(100m));
        Assert.That(
            volunteers.Select(v => v.GetProperty("totalHours").GetDecimal()),
            Has.Some.EqualTo(2.5m),
            "the one who left at 11:20 after checking in at 8:55, rounded by the region's rule"
        );
        var volunteer = await Json.Read(
            await Get($"/api/v1/volunteering/volunteers/{star[0].Id()}"),
            HttpStatusCode.OK
        );
        Assert.That(volunteer.GetProperty("certificates").GetArrayLength(), Is.EqualTo(1));
        Assert.That(await Total("/api/v1/volunteering/late-entries?pageSize=1"), Is.GreaterThan(0));
        var activities = await Items("/api/v1/volunteering/activities?pageSize=100");
        Assert.That(activities, Has.Count.GreaterThan(5));

        // One hour short of a star and checked in at an activity running now: the browser test checks them out.
        var nearlyStar = volunteers.Single(v =>
            v.GetProperty("totalHours").GetDecimal() == 99m && v.GetProperty("starLevel").GetInt32() == 0
        );
        var running = activities.Single(a =>
            a.Str("title").StartsWith("党群服务中心志愿值守", StringComparison.Ordinal)
        );
        var sessions = (
            await Json.Read(await Get($"/api/v1/volunteering/activities/{running.Id()}"), HttpStatusCode.OK)
        )
            .GetProperty("sessions")
            .EnumerateArray()
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(
                sessions.Single(s => s.Str("volunteerId") == nearlyStar.Id().ToString()).Str("state"),
                Is.EqualTo("CheckedIn")
            );
            Assert.That(sessions.Select(s => s.Str("state")), Has.Some.EqualTo("SignedUp"));
        });
    }

    [Test]
    public async Task Teams_have_leaders_and_members_and_names_never_cross_regions()
    {
        var teams = await Items("/api/v1/volunteering/teams?pageSize=50");
        Assert.That(teams, Is.Not.Empty);
        Assert.That(teams.Select(t => t.GetProperty("memberCount").GetInt32()), Is.All.GreaterThanOrEqualTo(2));
        Assert.That(teams.Select(t => t.GetProperty("leaderId").ValueKind), Is.All.EqualTo(JsonValueKind.String));
        var regionOf = new Dictionary<string, string>();
        foreach (var (name, id) in await Roots())
        {
            var volunteers = await Items(
                $"/api/v1/volunteering/volunteers?organizationId={id}&pageSize=200&kind=Resident"
            );
            foreach (var volunteer in volunteers)
            {
                var person = volunteer.Str("name");
                Assert.That(regionOf.TryAdd(person, name) || regionOf[person] == name, $"{person}: {name}");
            }
        }
        Assert.That(regionOf, Has.Count.GreaterThan(20));
    }

    private async Task<Dictionary<string, Guid>> Roots() =>
        (await Items("/api/v1/organizations?depth=0&pageSize=50")).ToDictionary(o => o.Str("name"), o => o.Id());

    private async Task<long> Total(string url) =>
        (await Json.Read(await Get(url), HttpStatusCode.OK)).GetProperty("total").GetInt64();

    private async Task<List<JsonElement>> Items(string url) =>
        [.. (await Json.Read(await Get(url), HttpStatusCode.OK)).GetProperty("items").EnumerateArray()];
}
