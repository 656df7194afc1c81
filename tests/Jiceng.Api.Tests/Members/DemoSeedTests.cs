using System.Globalization;
using System.Net;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Architecture;
using Jiceng.Tests.Support;
using MiniExcelLibs;

namespace Jiceng.Tests.Members;

/// <summary>
/// The first start of scripts/run.sh: the demo tree, users and members seed on each provider and make sense to a
/// department: ID numbers of the member's own district, birth dates and sexes as the numbers say, ages that fit the
/// category, nothing dated after today, every stage of the pipeline with steps due and overdue, and organization
/// life, transfers, 双报到 and hardship entries to look at. Today is 2026-06-15 (the test clock seeds too).
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class DemoSeedTests(DatabaseProvider provider) : ApiTest(provider)
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    /// <summary>Region root → the area codes (GB/T 2260) its members' ID numbers may begin with.</summary>
    private static readonly Dictionary<string, string[]> RegionCodes = new()
    {
        ["中共鸡西市委员会"] = ["2303"],
        ["中共大连市甘井子区委员会"] = ["210211"],
        ["中共敦化市委员会"] = ["222403"],
        ["中共鹤壁市城乡一体化示范区工作委员会"] = ["4106"],
        ["中共大庆市委员会"] = ["2306"],
    };

    /// <summary>Counties and districts inside the regions: an organization named after one has its code.</summary>
    private static readonly Dictionary<string, string> DistrictCodes = new()
    {
        ["虎林"] = "230381",
        ["密山"] = "230382",
        ["鸡东县"] = "230321",
        ["杜尔伯特"] = "230624",
        ["林甸"] = "230623",
        ["让胡路"] = "230604",
    };

    protected override bool StartsOnTheDemo => true;

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Security:RevealsPerHour"] = "100000" };

    [Test]
    public async Task Demo_members_are_seeded_masked_and_counted_in_the_statistics()
    {
        var members = await Json.Read(await Get("/api/v1/members?pageSize=200"), HttpStatusCode.OK);
        var jixi = (await Roots())["中共鸡西市委员会"];
        var stats = await Json.Read(await Get($"/api/v1/organizations/{jixi}/stats"), HttpStatusCode.OK);
        var applicant = members.GetProperty("items").EnumerateArray().First(m => m.Str("stage") == "Applicant");
        var pipeline = await Json.Read(await Get($"/api/v1/members/{applicant.Id()}/pipeline"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(members.GetProperty("total").GetInt64(), Is.GreaterThan(300));
            Assert.That(
                members.GetProperty("items").EnumerateArray().Select(m => m.Str("idNumber")),
                Is.All.Matches<string>(id => id.Contains("********", StringComparison.Ordinal))
            );
            Assert.That(
                stats.GetProperty("contributed").GetProperty("members").GetProperty("full").GetInt64(),
                Is.GreaterThan(0)
            );
            Assert.That(pipeline.GetProperty("next").Str("step"), Is.EqualTo("Activist"));
        });
    }

    [Test]
    public async Task Each_ID_number_is_of_the_members_district_and_says_their_birth_date_and_sex()
    {
        var movedIn = await ReceivedTransferNames();
        var checkedRows = 0;
        foreach (var (region, rows) in await RevealedRegisterByRegion())
        {
            foreach (var row in rows)
            {
                var (name, id, organization) = (Cell(row, "Name"), Cell(row, "ID number"), Cell(row, "Organization"));
                var what = $"{name} ({organization}, {id})";
                Assert.That(id, Has.Length.EqualTo(18), what);
                Assert.That(id[17], Is.EqualTo(TestIdNumbers.CheckCharacter(id[..17])), what + ": check character");
                Assert.That(
                    Cell(row, "Birth date"),
                    Is.EqualTo($"{id[6..10]}-{id[10..12]}-{id[12..14]}"),
                    what + ": birth date"
                );
                Assert.That(
                    Cell(row, "Gender"),
                    Is.EqualTo((id[16] - '0') % 2 == 1 ? "Male" : "Female"),
                    what + ": the 17th digit is odd for men"
                );
                // A member received from another region keeps the number of where they were born.
                if (movedIn.Contains(name))
                {
                    continue;
                }
                Assert.That(
                    RegionCodes[region].Any(code => id.StartsWith(code, StringComparison.Ordinal)),
                    what + ": area code of " + region
                );
                foreach (
                    var (district, code) in DistrictCodes.Where(d =>
                        organization.Contains(d.Key, StringComparison.Ordinal)
                    )
                )
                {
                    Assert.That(id[..6], Is.EqualTo(code), what + ": area code of " + district);
                }
                checkedRows++;
            }
        }
        Assert.That(checkedRows, Is.GreaterThan(300));
    }

    [Test]
    public async Task Ages_fit_the_category_and_no_date_lies_in_the_future()
    {
        var dateColumns = new[]
        {
            "Applied on",
            "Talk on",
            "Activist on",
            "Candidate on",
            "Joined on",
            "Full member on",
        };
        var all = (await RevealedRegisterByRegion()).SelectMany(r => r.Value).ToList();
        foreach (var row in all)
        {
            var what = $"{Cell(row, "Name")} ({Cell(row, "Organization")})";
            var birth = DateOnly.Parse(Cell(row, "Birth date"), CultureInfo.InvariantCulture);
            var age = Today.Year - birth.Year - (Today < birth.AddYears(Today.Year - birth.Year) ? 1 : 0);
            Assert.That(age, Is.InRange(18, 95), what);
            switch (Cell(row, "Category"))
            {
                case "Retired":
                    Assert.That(age, Is.GreaterThanOrEqualTo(60), what + ": retired");
                    break;
                case "Student":
                    Assert.That(age, Is.LessThanOrEqualTo(25), what + ": student");
                    break;
                case "Farmer" or "InService" or "Floating":
                    Assert.That(age, Is.LessThan(90), what);
                    break;
            }
            foreach (var column in dateColumns)
            {
                if (Cell(row, column) is { Length: > 0 } text)
                {
                    var date = DateOnly.Parse(text, CultureInfo.InvariantCulture);
                    Assert.That(date, Is.LessThanOrEqualTo(Today), $"{what}: {column}");
                    Assert.That(date, Is.GreaterThanOrEqualTo(birth.AddYears(18)), $"{what}: {column} before 18");
                }
            }
            if (Cell(row, "Joined on") is { Length: > 0 } joined && Cell(row, "Full member on") is { Length: > 0 } full)
            {
                Assert.That(
                    DateOnly.Parse(full, CultureInfo.InvariantCulture),
                    Is.GreaterThanOrEqualTo(DateOnly.Parse(joined, CultureInfo.InvariantCulture).AddYears(1)),
                    what + ": a year of probation"
                );
            }
        }
        Assert.That(
            all.Select(r => Cell(r, "Category")).Distinct(),
            Is.SupersetOf(new[] { "Retired", "Farmer", "InService" })
        );
    }

    [Test]
    public async Task Names_are_drawn_per_region_fit_the_sex_and_never_repeat_across_regions()
    {
        using var file = JsonDocument.Parse(
            await File.ReadAllTextAsync(Path.Combine(Paths.Repository, "scripts", "seed", "demo-members.json"))
        );
        var female = new HashSet<string>();
        var male = new HashSet<string>();
        foreach (var region in file.RootElement.GetProperty("regions").EnumerateArray())
        {
            female.UnionWith(region.GetProperty("femaleNames").EnumerateArray().Select(n => n.GetString()!));
            male.UnionWith(region.GetProperty("maleNames").EnumerateArray().Select(n => n.GetString()!));
            // The wider hardship register (the care fund's demo) draws from extra names of the region's own.
            if (region.TryGetProperty("hardshipRegister", out var register))
            {
                female.UnionWith(register.GetProperty("femaleNames").EnumerateArray().Select(n => n.GetString()!));
                male.UnionWith(register.GetProperty("maleNames").EnumerateArray().Select(n => n.GetString()!));
            }
        }
        var movedIn = await ReceivedTransferNames();
        var regionsByName = new Dictionary<string, HashSet<string>>();
        foreach (var (region, rows) in await RevealedRegisterByRegion())
        {
            foreach (var row in rows)
            {
                var name = Cell(row, "Name");
                var given = name[1..];
                Assert.That(
                    Cell(row, "Gender"),
                    Is.EqualTo(female.Contains(given) ? "Female" : "Male"),
                    name + ": the name's sex"
                );
                Assert.That(female.Contains(given) || male.Contains(given), name + ": a name of the lists");
                if (!movedIn.Contains(name))
                {
                    (regionsByName.TryGetValue(name, out var seen) ? seen : regionsByName[name] = []).Add(region);
                }
            }
        }
        Assert.That(regionsByName.Where(n => n.Value.Count > 1).Select(n => n.Key), Is.Empty);
    }

    [Test]
    public async Task Every_stage_of_the_pipeline_has_people_with_steps_due_and_overdue()
    {
        foreach (var stage in new[] { "Applicant", "Activist", "Candidate", "Probationary", "Full" })
        {
            var list = await Json.Read(
                await Get($"/api/v1/members?stage={stage}&status=Active&pageSize=1"),
                HttpStatusCode.OK
            );
            Assert.That(list.GetProperty("total").GetInt64(), Is.GreaterThan(0), stage);
        }
        var applicants = await Pipelines("Applicant");
        var talkDue = applicants
            .Where(p => p.GetProperty("talkDueBy").ValueKind == JsonValueKind.String)
            .Select(p => DateOnly.Parse(p.Str("talkDueBy"), CultureInfo.InvariantCulture))
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(talkDue, Has.Some.LessThan(Today), "a talk overdue");
            Assert.That(talkDue, Has.Some.GreaterThanOrEqualTo(Today), "a talk due within the month");
        });
        foreach (var stage in new[] { "Applicant", "Activist", "Candidate", "Probationary" })
        {
            var daysUntilNext = (await Pipelines(stage))
                .Select(p => p.GetProperty("daysUntilNext").GetInt32())
                .ToList();
            Assert.That(daysUntilNext, Has.Some.EqualTo(0), stage + ": a next step whose time has come");
            if (stage is "Applicant" or "Activist" or "Probationary")
            {
                Assert.That(daysUntilNext, Has.Some.GreaterThan(0), stage + ": a next step still ahead");
            }
        }
        var probations = await Pipelines("Probationary");
        Assert.That(
            probations.Select(p => DateOnly.Parse(p.Str("probationEndsOn"), CultureInfo.InvariantCulture)),
            Has.Some.LessThan(Today),
            "a conversion overdue"
        );
        Assert.That(
            probations.Select(p => p.GetProperty("extensionMonths").ValueKind),
            Has.Some.EqualTo(JsonValueKind.Number)
        );
    }

    [Test]
    public async Task Meetings_transfers_community_reports_and_hardships_are_there_and_in_the_past()
    {
        var members = await Json.Read(await Get("/api/v1/members?pageSize=200&stage=Full"), HttpStatusCode.OK);
        var branches = members
            .GetProperty("items")
            .EnumerateArray()
            .Select(m => m.GetProperty("organizationId").GetGuid())
            .Distinct()
            .Take(10)
            .ToList();
        foreach (var branch in branches)
        {
            var meetings = await Json.Read(
                await Get($"/api/v1/members/meetings?organizationId={branch}&pageSize=200"),
                HttpStatusCode.OK
            );
            var kinds = meetings.GetProperty("items").EnumerateArray().Select(m => m.Str("kind")).ToList();
            Assert.That(
                kinds,
                Is.SupersetOf(new[] { "ThemeDay", "GeneralMeeting", "PartyLecture" }),
                branch.ToString()
            );
            Assert.That(
                meetings.GetProperty("items").EnumerateArray().Select(m => Date(m, "heldOn")),
                Is.All.LessThan(Today)
            );
        }

        var letters = await Items("/api/v1/members/transfers?direction=Outbox&pageSize=200");
        Assert.Multiple(() =>
        {
            Assert.That(
                letters.Where(t =>
                    t.Str("status") == "Received" && t.GetProperty("toOrganizationId").ValueKind == JsonValueKind.String
                ),
                Is.Not.Empty,
                "a letter received inside the system"
            );
            Assert.That(
                letters.Where(t =>
                    t.Str("status") == "Received" && t.GetProperty("toExternal").ValueKind == JsonValueKind.String
                ),
                Is.Not.Empty,
                "a letter out of the system"
            );
            Assert.That(letters.Where(t => t.Str("status") == "Pending"), Is.Not.Empty, "a letter on its way");
            Assert.That(letters.Select(t => Date(t, "issuedOn")), Is.All.LessThanOrEqualTo(Today));
        });
        // Both directions as a region sees them: 鸡西's member manager has letters out and letters in.
        var jixi = await SignedInClient("demo-member-manager", "jiceng-demo-2026");
        foreach (var direction in new[] { "Outbox", "Inbox" })
        {
            var page = await Json.Read(
                await jixi.GetAsync($"/api/v1/members/transfers?direction={direction}&status=Received"),
                HttpStatusCode.OK
            );
            Assert.That(page.GetProperty("total").GetInt64(), Is.GreaterThan(0), "鸡西 " + direction);
        }

        foreach (
            var community in new[]
            {
                "彩虹社区委员会",
                "东山社区委员会",
                "新园社区委员会",
                "新城社区支部",
                "聆海御园社区",
            }
        )
        {
            var found = await Items($"/api/v1/organizations?q={Uri.EscapeDataString(community)}&pageSize=5");
            var reports = await Items(
                $"/api/v1/members/community-reports?communityOrganizationId={found[0].Id()}&pageSize=50"
            );
            Assert.That(reports, Is.Not.Empty, community);
            Assert.That(reports.Select(r => Date(r, "reportedOn")), Is.All.LessThan(Today), community);
        }

        var inHardship = await Items("/api/v1/members?inHardship=true&pageSize=200");
        Assert.That(inHardship, Has.Count.GreaterThan(5));
        foreach (var member in inHardship.Take(10))
        {
            var entries = await Json.Read(await Get($"/api/v1/members/{member.Id()}/hardships"), HttpStatusCode.OK);
            var list = entries.ValueKind == JsonValueKind.Array ? entries : entries.GetProperty("items");
            Assert.That(list.EnumerateArray().Select(h => Date(h, "since")), Is.All.LessThan(Today));
        }
    }

    [Test]
    public void The_seed_says_how_many_of_each_it_made()
    {
        var line = SeededDemo
            .SeedLog(Provider)
            .FirstOrDefault(e => e.Contains("demo members", StringComparison.Ordinal));
        Assert.That(line, Is.Not.Null);
        Assert.That(
            line,
            Does.Match(@"\d+ meetings")
                .And.Match(@"\d+ transfer letters")
                .And.Match(@"\d+ hardship entries")
                .And.Match(@"\d+ community reports")
                .And.Match(@"\d+ activists")
                .And.Match(@"\d+ development candidates")
        );
    }

    private static DateOnly Date(JsonElement element, string property) =>
        DateOnly.Parse(element.Str(property), CultureInfo.InvariantCulture);

    private static string Cell(IDictionary<string, object?> row, string column) =>
        Convert.ToString(row[column], CultureInfo.InvariantCulture) ?? "";

    private async Task<Dictionary<string, Guid>> Roots() =>
        (await Items("/api/v1/organizations?depth=0&pageSize=50")).ToDictionary(o => o.Str("name"), o => o.Id());

    private async Task<List<JsonElement>> Items(string url) =>
        [.. (await Json.Read(await Get(url), HttpStatusCode.OK)).GetProperty("items").EnumerateArray()];

    /// <summary>The register of each region, whole numbers revealed, in English (enumeration names).</summary>
    private async Task<Dictionary<string, List<IDictionary<string, object?>>>> RevealedRegisterByRegion()
    {
        var byRegion = new Dictionary<string, List<IDictionary<string, object?>>>();
        foreach (var (name, id) in await Roots())
        {
            var response = await Get(
                $"/api/v1/members/export?organizationId={id}&includeDescendants=true&format=Xlsx&revealReason="
                    + Uri.EscapeDataString("核对演示数据"),
                "en-US"
            );
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
            byRegion[name] = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        }
        Assert.That(byRegion.Keys, Is.SupersetOf(RegionCodes.Keys));
        return byRegion;
    }

    private async Task<HashSet<string>> ReceivedTransferNames() =>
        [
            .. (await Items("/api/v1/members/transfers?direction=Outbox&status=Received&pageSize=200")).Select(t =>
                t.Str("memberName")
            ),
        ];

    private async Task<List<JsonElement>> Pipelines(string stage)
    {
        var pipelines = new List<JsonElement>();
        foreach (var member in await Items($"/api/v1/members?stage={stage}&status=Active&pageSize=200"))
        {
            pipelines.Add(await Json.Read(await Get($"/api/v1/members/{member.Id()}/pipeline"), HttpStatusCode.OK));
        }
        return pipelines;
    }
}
