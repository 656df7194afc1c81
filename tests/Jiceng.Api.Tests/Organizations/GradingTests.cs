using System.Net;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Organizations;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class GradingTests(DatabaseProvider provider) : ApiTest(provider)
{
    private Task<HttpResponseMessage> Grade(Guid organizationId, int year, string level, int? score = null) =>
        Post(
            $"/api/v1/organizations/{organizationId}/gradings",
            new
            {
                year,
                level,
                score,
                comment = "年度考核",
            }
        );

    [Test]
    public async Task Recording_a_grading_returns_the_level_name_stars_and_history()
    {
        var branch = await CreateOrganization(Unique("幸福村党支部"), field: "Village");
        var response = await Grade(branch.Id(), 2025, "good", 95);
        var grading = await Json.Read(response, HttpStatusCode.Created);
        await Json.Read(await Grade(branch.Id(), 2024, "average", 72), HttpStatusCode.Created);

        var history = await Json.Read(await Get($"/api/v1/organizations/{branch.Id()}/gradings"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location!.ToString(), Does.EndWith($"/gradings/2025"));
            Assert.That(grading.Str("levelName"), Is.EqualTo("好"));
            Assert.That(grading.GetProperty("stars").GetInt32(), Is.EqualTo(5));
            Assert.That(grading.GetProperty("lagging").GetBoolean(), Is.False);
            Assert.That(
                history.GetProperty("items").EnumerateArray().Select(g => g.GetProperty("year").GetInt32()),
                Is.EqualTo(new[] { 2025, 2024 })
            );
            Assert.That(history.GetProperty("items")[1].GetProperty("stars").GetInt32(), Is.EqualTo(3));
        });

        var byScore = await Json.Read(
            await Get($"/api/v1/organizations/{branch.Id()}/gradings?sort=score"),
            HttpStatusCode.OK
        );
        var byLevel = await Json.Read(
            await Get($"/api/v1/organizations/{branch.Id()}/gradings?sort=-level"),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(
                byScore.GetProperty("items").EnumerateArray().Select(g => g.GetProperty("score").GetInt32()),
                Is.EqualTo(new[] { 72, 95 })
            );
            Assert.That(
                byLevel.GetProperty("items").EnumerateArray().Select(g => g.Str("level")),
                Is.EqualTo(new[] { "average", "good" }),
                "rank 1 is the best level, so descending rank lists the weaker level first"
            );
        });
    }

    [Test]
    public async Task Statistics_list_the_regions_levels_even_before_anything_is_graded()
    {
        var branch = await CreateOrganization(Unique("新建村党支部"), field: "Village");
        var stats = await Json.Read(await Get($"/api/v1/organizations/{branch.Id()}/stats"), HttpStatusCode.OK);
        var levels = stats.GetProperty("byGradingLevel").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(stats.GetProperty("gradingYear").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(
                levels.Select(l => l.Str("code")),
                Is.EqualTo(new[] { "good", "fairly-good", "average", "poor" })
            );
            Assert.That(levels.Select(l => l.GetProperty("count").GetInt64()), Is.All.EqualTo(0));
        });
    }

    [Test]
    public async Task Grading_the_same_year_twice_returns_409_grading_exists()
    {
        var branch = await CreateOrganization(Unique("泰康镇某村党支部"), field: "Village");
        await Json.Read(await Grade(branch.Id(), 2025, "good"), HttpStatusCode.Created);
        var again = await Json.Problem(
            await Grade(branch.Id(), 2025, "poor"),
            HttpStatusCode.Conflict,
            code: "grading_exists"
        );
        Assert.That(again.GetProperty("year").GetInt32(), Is.EqualTo(2025));
    }

    [TestCase("excellent", null, "level")]
    [TestCase("good", 111, "score")]
    [TestCase("good", -1, "score")]
    public async Task A_level_outside_the_region_set_or_a_score_off_the_scale_returns_400_on_that_field(
        string level,
        int? score,
        string field
    )
    {
        var branch = await CreateOrganization(Unique("某支部"));
        await Json.Problem(await Grade(branch.Id(), 2025, level, score), HttpStatusCode.BadRequest, field: field);
    }

    [Test]
    public async Task A_year_out_of_range_returns_400_on_year()
    {
        var branch = await CreateOrganization(Unique("某支部"));
        await Json.Problem(await Grade(branch.Id(), 1800, "good"), HttpStatusCode.BadRequest, field: "year");
    }

    [Test]
    public async Task Revising_needs_the_current_etag()
    {
        var branch = await CreateOrganization(Unique("某支部"));
        var created = await Grade(branch.Id(), 2025, "average");
        var etag = created.Headers.ETag!.Tag;
        var url = $"/api/v1/organizations/{branch.Id()}/gradings/2025";

        var revised = await Json.Read(
            await Put(url, new { level = "fairly-good", score = 85 }, etag),
            HttpStatusCode.OK
        );
        await Json.Problem(await Put(url, new { level = "poor" }, etag), HttpStatusCode.PreconditionFailed);
        await Json.Problem(
            await Put($"/api/v1/organizations/{branch.Id()}/gradings/2019", new { level = "poor" }, "\"1\""),
            HttpStatusCode.NotFound
        );
        Assert.Multiple(() =>
        {
            Assert.That(revised.Str("level"), Is.EqualTo("fairly-good"));
            Assert.That(revised.GetProperty("stars").GetInt32(), Is.EqualTo(4));
        });
    }

    [Test]
    public async Task The_lagging_report_shows_how_each_lagging_organization_moved()
    {
        var root = await CreateOrganization(Unique("大庆市委"), kind: "Committee", field: "Government");
        var upgraded = await CreateOrganization("升级村党支部", root.Id(), field: "Village");
        var stuck = await CreateOrganization("仍后进村党支部", root.Id(), field: "Village");
        var fresh = await CreateOrganization("新后进村党支部", root.Id(), field: "Village");
        var ungraded = await CreateOrganization("未定级村党支部", root.Id(), field: "Village");
        var fine = await CreateOrganization("先进村党支部", root.Id(), field: "Village");
        await Grade(upgraded.Id(), 2024, "poor");
        await Grade(upgraded.Id(), 2025, "fairly-good");
        await Grade(stuck.Id(), 2024, "poor");
        await Grade(stuck.Id(), 2025, "poor");
        await Grade(fresh.Id(), 2025, "poor");
        await Grade(ungraded.Id(), 2024, "poor");
        await Grade(fine.Id(), 2024, "good");
        await Grade(fine.Id(), 2025, "good");

        var report = await Json.Read(
            await Get($"/api/v1/organizations/{root.Id()}/gradings/lagging?year=2025&sort=name"),
            HttpStatusCode.OK
        );
        var movements = report
            .GetProperty("items")
            .EnumerateArray()
            .ToDictionary(i => i.Str("name"), i => i.Str("movement"));
        var onlyUpgraded = await Json.Read(
            await Get($"/api/v1/organizations/{root.Id()}/gradings/lagging?year=2025&movement=Upgraded"),
            HttpStatusCode.OK
        );

        Assert.Multiple(() =>
        {
            Assert.That(
                movements,
                Is.EquivalentTo(
                    new Dictionary<string, string>
                    {
                        ["升级村党支部"] = "Upgraded",
                        ["仍后进村党支部"] = "Unchanged",
                        ["新后进村党支部"] = "New",
                        ["未定级村党支部"] = "NotGraded",
                    }
                )
            );
            Assert.That(report.GetProperty("laggingThisYear").GetInt64(), Is.EqualTo(2));
            Assert.That(report.GetProperty("laggingLastYear").GetInt64(), Is.EqualTo(3));
            Assert.That(report.GetProperty("upgradedSinceLastYear").GetInt64(), Is.EqualTo(1));
            Assert.That(onlyUpgraded.GetProperty("total").GetInt64(), Is.EqualTo(1));
        });

        var stats = await Json.Read(await Get($"/api/v1/organizations/{root.Id()}/stats?year=2025"), HttpStatusCode.OK);
        var byLevel = stats
            .GetProperty("byGradingLevel")
            .EnumerateArray()
            .ToDictionary(l => l.Str("code"), l => l.GetProperty("count").GetInt64());
        Assert.Multiple(() =>
        {
            Assert.That(byLevel["poor"], Is.EqualTo(2));
            Assert.That(byLevel["good"], Is.EqualTo(1));
            Assert.That(byLevel["fairly-good"], Is.EqualTo(1));
            Assert.That(byLevel["average"], Is.EqualTo(0));
            Assert.That(stats.GetProperty("ungraded").GetInt64(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_regional_rule_set_brings_its_own_level_names()
    {
        var region = await CreateOrganization(Unique("甘井子区委"), kind: "Committee", field: "Government");
        var branch = await CreateOrganization("某社区党支部", region.Id());
        var defaults = await Json.Read(await Get("/api/v1/rule-sets"), HttpStatusCode.OK);
        var defaultId = defaults
            .GetProperty("items")
            .EnumerateArray()
            .First(r => r.GetProperty("regionRootId").ValueKind == JsonValueKind.Null)
            .Id();
        var (defaultSet, _) = await GetWithETag($"/api/v1/rule-sets/{defaultId}");

        var document = System.Text.Json.Nodes.JsonNode.Parse(defaultSet.GetProperty("document").GetRawText())!;
        document["organizations"]!["gradingLevels"] = JsonSerializer.SerializeToNode(
            new
            {
                levels = new[]
                {
                    new
                    {
                        code = "advanced",
                        name = "先进",
                        rank = 1,
                    },
                    new
                    {
                        code = "ordinary",
                        name = "一般",
                        rank = 2,
                    },
                    new
                    {
                        code = "lagging",
                        name = "后进",
                        rank = 3,
                    },
                },
                laggingCodes = new[] { "lagging" },
                source = "甘井子区：先进、一般、后进三类。",
            }
        );
        var created = await Post(
            "/api/v1/rule-sets",
            new
            {
                regionRootId = region.Id(),
                name = "甘井子区规则",
                document,
            }
        );
        await Json.Read(created, HttpStatusCode.Created);

        await Json.Problem(await Grade(branch.Id(), 2025, "good"), HttpStatusCode.BadRequest, field: "level");
        var lagging = await Json.Read(await Grade(branch.Id(), 2025, "lagging"), HttpStatusCode.Created);
        Assert.Multiple(() =>
        {
            Assert.That(lagging.Str("levelName"), Is.EqualTo("后进"));
            Assert.That(lagging.GetProperty("lagging").GetBoolean(), Is.True);
        });
        await Json.Problem(
            await Post("/api/v1/rule-sets", new { regionRootId = region.Id(), name = "第二套" }),
            HttpStatusCode.Conflict,
            code: "rule_set_exists"
        );
        await Json.Problem(
            await Post("/api/v1/rule-sets", new { regionRootId = branch.Id(), name = "下级" }),
            HttpStatusCode.Conflict,
            code: "region_must_be_root"
        );
    }
}
