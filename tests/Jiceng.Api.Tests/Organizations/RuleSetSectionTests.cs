using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jiceng.Infrastructure.Database;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Organizations.Domain;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Organizations;

/// <summary>
/// The rule set as a composition of each module's section: a region cannot change a rule the Party Constitution or
/// a central regulation fixes, each local rule keeps to its bounds, and the texts shown cite the right source.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class RuleSetSectionTests(DatabaseProvider provider) : ApiTest(provider)
{
    private static readonly IRuleSetSection[] Sections =
    [
        OrganizationRuleSection.Instance,
        MemberPipelineRuleSection.Instance,
    ];

    private async Task<(Guid Id, JsonNode Document, string ETag)> RegionRuleSet(string name)
    {
        var region = await CreateOrganization(Unique(name), kind: "WorkingCommittee", field: "Government");
        var created = await Json.Read(
            await Post("/api/v1/rule-sets", new { regionRootId = region.Id(), name }),
            HttpStatusCode.Created
        );
        var (body, etag) = await GetWithETag($"/api/v1/rule-sets/{created.Id()}");
        return (created.Id(), JsonNode.Parse(body.GetProperty("document").GetRawText())!, etag);
    }

    private static string Message(JsonElement problem, string field) =>
        string.Join(" ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()));

    [Test]
    public async Task A_region_cannot_change_any_fixed_rule_and_is_told_the_fixed_value()
    {
        var (id, document, etag) = await RegionRuleSet("固定规则党工委");
        foreach (var section in Sections)
        {
            foreach (var rule in section.NumberRules.Where(r => !r.Local))
            {
                var changed = document.DeepClone();
                changed[section.Key]![rule.Name]!["value"] = rule.Default + 1;
                var field = $"document.{section.Key}.{rule.Name}.value";
                var problem = await Json.Problem(
                    await Put($"/api/v1/rule-sets/{id}", new { name = "固定", document = changed }, etag),
                    HttpStatusCode.BadRequest,
                    field: field
                );
                Assert.That(Message(problem, field), Does.Contain(rule.Default.ToString()), field);
            }
        }

        // Nothing was saved: every fixed rule still reads at its value and with its own source.
        var (body, _) = await GetWithETag($"/api/v1/rule-sets/{id}");
        foreach (var section in Sections)
        {
            foreach (var rule in section.NumberRules.Where(r => !r.Local))
            {
                var stored = body.GetProperty("document").GetProperty(section.Key).GetProperty(rule.Name);
                Assert.Multiple(() =>
                {
                    Assert.That(stored.GetProperty("value").GetInt32(), Is.EqualTo(rule.Default), rule.Name);
                    Assert.That(stored.GetProperty("source").GetString(), Is.EqualTo(rule.Source), rule.Name);
                    Assert.That(stored.GetProperty("local").GetBoolean(), Is.False, rule.Name);
                });
            }
        }
    }

    [Test]
    public async Task Each_local_rule_keeps_to_its_bounds_named_in_the_refusal()
    {
        var (id, document, etag) = await RegionRuleSet("本地规则党工委");
        foreach (var section in Sections)
        {
            foreach (var rule in section.NumberRules.Where(r => r.Local))
            {
                var field = $"document.{section.Key}.{rule.Name}.value";
                foreach (var outside in new[] { rule.Min - 1, rule.Max + 1 })
                {
                    var changed = document.DeepClone();
                    changed[section.Key]![rule.Name]!["value"] = outside;
                    var problem = await Json.Problem(
                        await Put($"/api/v1/rule-sets/{id}", new { name = "本地", document = changed }, etag),
                        HttpStatusCode.BadRequest,
                        field: field
                    );
                    Assert.That(
                        Message(problem, field),
                        Does.Contain(rule.Min.ToString()).And.Contain(rule.Max.ToString()),
                        $"{field} = {outside}"
                    );
                }
                foreach (var inside in new[] { rule.Min, rule.Max })
                {
                    document[section.Key]![rule.Name]!["value"] = inside;
                    document[section.Key]![rule.Name]!["source"] = $"某区规定：{rule.Chinese}为 {inside}。";
                    var response = await Put($"/api/v1/rule-sets/{id}", new { name = "本地", document }, etag);
                    var saved = await Json.Read(response, HttpStatusCode.OK);
                    etag = response.Headers.ETag!.Tag;
                    var read = saved.GetProperty("document").GetProperty(section.Key).GetProperty(rule.Name);
                    Assert.Multiple(() =>
                    {
                        Assert.That(read.GetProperty("value").GetInt32(), Is.EqualTo(inside), field);
                        Assert.That(read.GetProperty("source").GetString(), Does.StartWith("某区规定"), field);
                        Assert.That(read.GetProperty("local").GetBoolean(), Is.True, field);
                        Assert.That(read.GetProperty("min").GetInt32(), Is.EqualTo(rule.Min), field);
                        Assert.That(read.GetProperty("max").GetInt32(), Is.EqualTo(rule.Max), field);
                    });
                }
            }
        }
    }

    [Test]
    public async Task An_empty_entry_in_a_list_rule_is_refused_on_its_field_not_a_server_error()
    {
        var (id, document, etag) = await RegionRuleSet("空项规则党工委");
        foreach (
            var (list, path) in new[]
            {
                ("gradingLevels", "levels"),
                ("gradingLevels", "laggingCodes"),
                ("starRating", "thresholds"),
                ("weakOrganizationTriggers", "items"),
            }
        )
        {
            var changed = document.DeepClone();
            changed["organizations"]![list]![path]!.AsArray().Add(null);
            var response = await Put($"/api/v1/rule-sets/{id}", new { name = "空项", document = changed }, etag);
            var problem = await Json.Read(response, HttpStatusCode.BadRequest);
            Assert.That(
                problem.GetProperty("errors").EnumerateObject().Select(e => e.Name),
                Has.Some.StartsWith($"document.organizations.{list}"),
                $"{list}.{path}"
            );
        }
    }

    [Test]
    public async Task A_section_no_module_owns_is_refused_and_a_missing_one_keeps_its_defaults()
    {
        var (id, document, etag) = await RegionRuleSet("部分规则党工委");
        var unknown = document.DeepClone();
        unknown["noSuchModule"] = new JsonObject();
        await Json.Problem(
            await Put($"/api/v1/rule-sets/{id}", new { name = "部分", document = unknown }, etag),
            HttpStatusCode.BadRequest,
            field: "document.noSuchModule"
        );

        var onlyOrganizations = new JsonObject { ["organizations"] = document["organizations"]!.DeepClone() };
        var saved = await Json.Read(
            await Put($"/api/v1/rule-sets/{id}", new { name = "部分", document = onlyOrganizations }, etag),
            HttpStatusCode.OK
        );
        Assert.That(
            saved
                .GetProperty("document")
                .GetProperty("memberPipeline")
                .GetProperty("activistAfterMonths")
                .GetProperty("value")
                .GetInt32(),
            Is.EqualTo(6)
        );
    }

    [Test]
    public async Task The_texts_shown_cite_the_Party_documents_and_say_where_a_rule_is_local()
    {
        var list = await Json.Read(await Get("/api/v1/rule-sets"), HttpStatusCode.OK);
        var defaultId = list.GetProperty("items")
            .EnumerateArray()
            .First(r => r.GetProperty("regionRootId").ValueKind == JsonValueKind.Null)
            .Id();
        var (body, _) = await GetWithETag($"/api/v1/rule-sets/{defaultId}");
        var pipeline = body.GetProperty("document").GetProperty("memberPipeline");
        var organizations = body.GetProperty("document").GetProperty("organizations");
        string Source(JsonElement section, string rule) => section.GetProperty(rule).GetProperty("source").GetString()!;

        Assert.Multiple(() =>
        {
            Assert.That(
                Source(pipeline, "candidateAfterMonths"),
                Does.StartWith("《中国共产党发展党员工作细则》第十三条")
            );
            Assert.That(Source(pipeline, "candidateAfterMonths"), Does.Not.Contain("第十四条"));
            Assert.That(Source(pipeline, "activistAfterMonths"), Does.StartWith("本地规定"));
            Assert.That(Source(pipeline, "activistAfterMonths"), Does.Not.Contain("细则"));
            Assert.That(Source(pipeline, "noticeMinWorkingDays"), Does.StartWith("本地规定"));
            Assert.That(Source(pipeline, "noticeMinWorkingDays"), Does.Not.Contain("第十八条"));
            Assert.That(Source(pipeline, "applicantMinAge"), Does.StartWith("《中国共产党章程》第一条"));
            Assert.That(Source(pipeline, "probationMonths"), Does.StartWith("《中国共产党章程》第七条"));
            Assert.That(Source(pipeline, "introducersRequired"), Does.StartWith("《中国共产党章程》第五条"));
            foreach (var rule in new[] { "extensionMinMonths", "extensionMaxMonths", "extensionsAllowed" })
            {
                Assert.That(Source(pipeline, rule), Does.StartWith("《中国共产党章程》第七条"), rule);
                Assert.That(Source(pipeline, rule), Does.Contain("《中国共产党发展党员工作细则》第三十二条"), rule);
                Assert.That(Source(pipeline, rule), Does.Contain("延长一次预备期，延长时间不能少于半年"), rule);
            }
            Assert.That(Source(organizations, "branchMinFullMembers"), Does.StartWith("《中国共产党章程》第三十条"));
            foreach (var (section, key) in new[] { (pipeline, "memberPipeline"), (organizations, "organizations") })
            {
                foreach (var rule in section.EnumerateObject())
                {
                    var local = rule.Value.GetProperty("local").GetBoolean();
                    var text = rule.Value.GetProperty("source").GetString()!;
                    Assert.That(
                        text.StartsWith("本地规定", StringComparison.Ordinal),
                        Is.EqualTo(local),
                        $"{key}.{rule.Name}: a local rule says 本地规定, a fixed one cites its document"
                    );
                }
            }
        });
    }
}
