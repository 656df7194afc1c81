using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Organizations;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class RuleSetAndWarningTests(DatabaseProvider provider) : ApiTest(provider)
{
    private async Task<(Guid Id, JsonElement Body, string ETag)> DefaultRuleSet()
    {
        var list = await Json.Read(await Get("/api/v1/rule-sets"), HttpStatusCode.OK);
        var id = list.GetProperty("items")
            .EnumerateArray()
            .First(r => r.GetProperty("regionRootId").ValueKind == JsonValueKind.Null)
            .Id();
        var (body, etag) = await GetWithETag($"/api/v1/rule-sets/{id}");
        return (id, body, etag);
    }

    [Test]
    public async Task The_default_rule_set_follows_the_domain_and_names_each_source()
    {
        var (_, body, _) = await DefaultRuleSet();
        var document = body.GetProperty("document");
        var organizations = document.GetProperty("organizations");
        Assert.Multiple(() =>
        {
            Assert.That(organizations.GetProperty("committeeTermYears").GetProperty("value").GetInt32(), Is.EqualTo(3));
            Assert.That(
                organizations.GetProperty("villageCommunityTermYears").GetProperty("value").GetInt32(),
                Is.EqualTo(5)
            );
            Assert.That(
                organizations.GetProperty("branchMinFullMembers").GetProperty("value").GetInt32(),
                Is.EqualTo(3)
            );
            Assert.That(
                organizations.GetProperty("branchCommitteeMinFullMembers").GetProperty("value").GetInt32(),
                Is.EqualTo(7)
            );
            Assert.That(
                organizations
                    .GetProperty("gradingLevels")
                    .GetProperty("levels")
                    .EnumerateArray()
                    .Select(l => l.Str("name")),
                Is.EqualTo(new[] { "好", "较好", "一般", "较差" })
            );
            var pipeline = document.GetProperty("memberPipeline");
            Assert.That(pipeline.GetProperty("applicantMinAge").GetProperty("value").GetInt32(), Is.EqualTo(18));
            Assert.That(pipeline.GetProperty("activistAfterMonths").GetProperty("value").GetInt32(), Is.EqualTo(6));
            Assert.That(pipeline.GetProperty("candidateAfterMonths").GetProperty("value").GetInt32(), Is.EqualTo(12));
            Assert.That(pipeline.GetProperty("probationMonths").GetProperty("value").GetInt32(), Is.EqualTo(12));
            foreach (var rule in organizations.EnumerateObject().Concat(pipeline.EnumerateObject()))
            {
                Assert.That(rule.Value.GetProperty("source").GetString(), Is.Not.Empty, rule.Name);
            }
        });
    }

    [Test]
    public async Task Changing_a_rule_takes_effect_without_a_deploy_and_a_bad_document_is_refused_by_field()
    {
        var region = await CreateOrganization(
            Unique("鹤壁示范区党工委"),
            kind: "WorkingCommittee",
            field: "Government"
        );
        var created = await Json.Read(
            await Post("/api/v1/rule-sets", new { regionRootId = region.Id(), name = "鹤壁" }),
            HttpStatusCode.Created
        );
        var id = created.Id();
        var (body, etag) = await GetWithETag($"/api/v1/rule-sets/{id}");
        var document = JsonNode.Parse(body.GetProperty("document").GetRawText())!;
        document["organizations"]!["termWarningDays"]!["value"] = 0;
        var refused = await Put($"/api/v1/rule-sets/{id}", new { name = "默认", document }, etag);
        await Json.Problem(refused, HttpStatusCode.BadRequest, field: "document.organizations.termWarningDays.value");

        document["organizations"]!["termWarningDays"]!["value"] = 200;
        var changed = await Json.Read(
            await Put($"/api/v1/rule-sets/{id}", new { name = "默认", document }, etag),
            HttpStatusCode.OK
        );
        await Json.Problem(
            await Put($"/api/v1/rule-sets/{id}", new { name = "默认", document }, etag),
            HttpStatusCode.PreconditionFailed
        );
        Assert.That(
            changed
                .GetProperty("document")
                .GetProperty("organizations")
                .GetProperty("termWarningDays")
                .GetProperty("value")
                .GetInt32(),
            Is.EqualTo(200)
        );

        // A term ending in 150 days is now inside the region's 200-day window.
        var branch = await CreateOrganization(
            "某党支部",
            region.Id(),
            field: "Government",
            termStartedOn: "2023-11-12"
        );
        var warnings = await Json.Read(
            await Get($"/api/v1/organizations/warnings?within={region.Id()}"),
            HttpStatusCode.OK
        );
        Assert.That(
            warnings.GetProperty("items").EnumerateArray().Select(w => w.GetProperty("organizationId").GetGuid()),
            Does.Contain(branch.Id())
        );
    }

    [Test]
    public async Task Rules_the_Party_Constitution_fixes_are_shown_but_a_region_cannot_change_them()
    {
        var region = await CreateOrganization(
            Unique("濮阳示范区党工委"),
            kind: "WorkingCommittee",
            field: "Government"
        );
        var created = await Json.Read(
            await Post("/api/v1/rule-sets", new { regionRootId = region.Id(), name = "濮阳" }),
            HttpStatusCode.Created
        );
        var id = created.Id();
        var (body, etag) = await GetWithETag($"/api/v1/rule-sets/{id}");
        var document = JsonNode.Parse(body.GetProperty("document").GetRawText())!;
        var changes = new[]
        {
            ("applicantMinAge", 16),
            ("probationMonths", 6),
            ("extensionMinMonths", 3),
            ("extensionMaxMonths", 24),
        };
        foreach (var (rule, value) in changes)
        {
            var changed = document.DeepClone();
            changed["memberPipeline"]![rule]!["value"] = value;
            var refused = await Put($"/api/v1/rule-sets/{id}", new { name = "濮阳", document = changed }, etag);
            await Json.Problem(refused, HttpStatusCode.BadRequest, field: $"document.memberPipeline.{rule}.value");
        }

        // A local rule of the same section stays the region's to set.
        document["memberPipeline"]!["activistAfterMonths"]!["value"] = 9;
        var saved = await Json.Read(
            await Put($"/api/v1/rule-sets/{id}", new { name = "濮阳", document }, etag),
            HttpStatusCode.OK
        );
        var pipeline = saved.GetProperty("document").GetProperty("memberPipeline");
        Assert.Multiple(() =>
        {
            Assert.That(pipeline.GetProperty("activistAfterMonths").GetProperty("value").GetInt32(), Is.EqualTo(9));
            Assert.That(pipeline.GetProperty("applicantMinAge").GetProperty("value").GetInt32(), Is.EqualTo(18));
            Assert.That(pipeline.GetProperty("probationMonths").GetProperty("value").GetInt32(), Is.EqualTo(12));
        });
    }

    [Test]
    public async Task Warnings_flag_terms_ending_within_90_days_and_overdue_terms_but_never_block()
    {
        // Today is 2026-06-15 in Shanghai (the test clock).
        var root = await CreateOrganization(Unique("鸡西市委"), kind: "Committee", field: "Government");
        var endingSoon = await CreateOrganization(
            "任期将满党支部",
            root.Id(),
            field: "Government",
            termStartedOn: "2023-08-01"
        );
        var overdue = await CreateOrganization(
            "任期已满党支部",
            root.Id(),
            field: "Government",
            termStartedOn: "2023-01-01"
        );
        var villageStillValid = await CreateOrganization(
            "村党支部",
            root.Id(),
            field: "Village",
            termStartedOn: "2023-01-01"
        );
        await CreateOrganization("刚换届党支部", root.Id(), field: "Government", termStartedOn: "2026-01-01");

        var warnings = await Json.Read(
            await Get($"/api/v1/organizations/warnings?within={root.Id()}"),
            HttpStatusCode.OK
        );
        // Term warnings only: these branches have no members, which the member-count rules flag as well.
        var byOrganization = warnings
            .GetProperty("items")
            .EnumerateArray()
            .Where(w => w.Str("code").StartsWith("Term", StringComparison.Ordinal))
            .ToDictionary(w => w.GetProperty("organizationId").GetGuid(), w => w);
        Assert.Multiple(() =>
        {
            Assert.That(byOrganization.Keys, Is.EquivalentTo(new[] { endingSoon.Id(), overdue.Id() }));
            Assert.That(byOrganization[endingSoon.Id()].Str("code"), Is.EqualTo("TermEndingSoon"));
            Assert.That(byOrganization[endingSoon.Id()].Str("dueOn"), Is.EqualTo("2026-08-01"));
            Assert.That(byOrganization[overdue.Id()].Str("code"), Is.EqualTo("TermOverdue"));
            Assert.That(byOrganization[overdue.Id()].Str("ruleSource"), Does.Contain("3 年"));
            Assert.That(byOrganization.ContainsKey(villageStillValid.Id()), Is.False, "village terms run five years");
        });

        var onlyOverdue = await Json.Read(
            await Get($"/api/v1/organizations/warnings?within={root.Id()}&code=TermOverdue"),
            HttpStatusCode.OK
        );
        Assert.That(onlyOverdue.GetProperty("total").GetInt64(), Is.EqualTo(1));

        var latestFirst = await Json.Read(
            await Get($"/api/v1/organizations/warnings?within={root.Id()}&sort=-dueOn"),
            HttpStatusCode.OK
        );
        var soonestFirst = await Json.Read(
            await Get($"/api/v1/organizations/warnings?within={root.Id()}&sort=dueOn"),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            // Warnings without a date (the member-count ones) come last in either order.
            Assert.That(
                latestFirst
                    .GetProperty("items")
                    .EnumerateArray()
                    .Select(w => w.GetProperty("dueOn").GetString())
                    .TakeWhile(d => d is not null),
                Is.EqualTo(new[] { "2026-08-01", "2026-01-01" })
            );
            Assert.That(
                soonestFirst
                    .GetProperty("items")
                    .EnumerateArray()
                    .Select(w => w.GetProperty("dueOn").GetString())
                    .TakeWhile(d => d is not null),
                Is.EqualTo(new[] { "2026-01-01", "2026-08-01" })
            );
            Assert.That(
                soonestFirst.GetProperty("items").EnumerateArray().Last().GetProperty("dueOn").ValueKind,
                Is.EqualTo(JsonValueKind.Null)
            );
        });
    }

    [Test]
    public async Task Warnings_for_an_unknown_subtree_are_404()
    {
        await Json.Problem(
            await Get($"/api/v1/organizations/warnings?within={Guid.CreateVersion7()}"),
            HttpStatusCode.NotFound
        );
    }
}
