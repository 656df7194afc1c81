using System.Net;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Organizations;

/// <summary>
/// One case per validation rule not already exercised elsewhere: each broken field is a 400 naming it.
/// Routes use {org}, {rectification}, {pairing}, {coalition} and {ruleSet}, filled with real objects.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class ValidationCoverageTests(DatabaseProvider provider) : ApiTest(provider)
{
    private Dictionary<string, string> _targets = [];

    private static string Long(int length) => new('字', length);

    public static IEnumerable<TestCaseData> Cases()
    {
        TestCaseData Case(string method, string route, object body, string field) =>
            new TestCaseData(method, route, JsonSerializer.Serialize(body, Json.Options), field).SetName(
                $"{method} {route} refuses {field}"
            );

        var org = new NewOrganization("a", null, "Branch", "Village");
        yield return Case("POST", "/api/v1/organizations", org with { Name = Long(101) }, "name");
        yield return Case("POST", "/api/v1/organizations", org with { SecretaryName = Long(51) }, "secretaryName");
        yield return Case("POST", "/api/v1/organizations", org with { Description = Long(501) }, "description");
        yield return Case(
            "PUT",
            "/api/v1/organizations/{org}",
            new
            {
                name = "",
                kind = "Branch",
                field = "Village",
            },
            "name"
        );
        yield return Case("PUT", "/api/v1/organizations/{org}", new { name = "a", field = "Village" }, "kind");
        yield return Case("PUT", "/api/v1/organizations/{org}", new { name = "a", kind = "Branch" }, "field");
        yield return Case(
            "PUT",
            "/api/v1/organizations/{org}",
            new
            {
                name = "a",
                kind = "Branch",
                field = "Village",
                shortName = Long(51),
            },
            "shortName"
        );
        yield return Case(
            "PUT",
            "/api/v1/organizations/{org}",
            new
            {
                name = "a",
                kind = "Branch",
                field = "Village",
                secretaryName = Long(51),
            },
            "secretaryName"
        );
        yield return Case(
            "PUT",
            "/api/v1/organizations/{org}",
            new
            {
                name = "a",
                kind = "Branch",
                field = "Village",
                description = Long(501),
            },
            "description"
        );
        yield return Case(
            "PUT",
            "/api/v1/organizations/{org}",
            new
            {
                name = "a",
                kind = "Branch",
                field = "Village",
                establishedOn = "2020-01-01",
                termStartedOn = "2019-12-31",
            },
            "termStartedOn"
        );
        yield return Case("POST", "/api/v1/organizations/{org}/move", new { }, "newParentId");
        yield return Case(
            "POST",
            "/api/v1/organizations/{org}/move",
            new { newParentId = Guid.CreateVersion7() },
            "newParentId"
        );
        yield return Case("POST", "/api/v1/organizations/{org}/gradings", new { year = 2025, level = "" }, "level");
        yield return Case(
            "POST",
            "/api/v1/organizations/{org}/gradings",
            new { year = 2025, level = Long(31) },
            "level"
        );
        yield return Case(
            "POST",
            "/api/v1/organizations/{org}/gradings",
            new
            {
                year = 2025,
                level = "good",
                comment = Long(501),
            },
            "comment"
        );
        yield return Case("PUT", "/api/v1/organizations/{org}/gradings/2025", new { level = "" }, "level");
        yield return Case(
            "PUT",
            "/api/v1/organizations/{org}/gradings/2025",
            new { level = "good", score = 1001 },
            "score"
        );
        yield return Case(
            "PUT",
            "/api/v1/organizations/{org}/gradings/2025",
            new { level = "good", comment = Long(501) },
            "comment"
        );
        yield return Case(
            "POST",
            "/api/v1/organizations/{org}/rectifications",
            new
            {
                reasons = Enumerable.Repeat("x", 21),
                plan = "p",
                responsiblePerson = "r",
                dueOn = "2026-12-01",
            },
            "reasons"
        );
        yield return Case(
            "POST",
            "/api/v1/organizations/{org}/rectifications",
            new
            {
                reasons = new[] { Long(201) },
                plan = "p",
                responsiblePerson = "r",
                dueOn = "2026-12-01",
            },
            "reasons[0]"
        );
        yield return Case(
            "POST",
            "/api/v1/organizations/{org}/rectifications",
            new
            {
                reasons = new[] { "a" },
                plan = Long(2001),
                responsiblePerson = "r",
                dueOn = "2026-12-01",
            },
            "plan"
        );
        yield return Case(
            "POST",
            "/api/v1/organizations/{org}/rectifications",
            new
            {
                reasons = new[] { "a" },
                plan = "p",
                responsiblePerson = Long(51),
                dueOn = "2026-12-01",
            },
            "responsiblePerson"
        );
        yield return Case(
            "PUT",
            "/api/v1/organizations/{org}/rectifications/{rectification}",
            new
            {
                reasons = new[] { "a" },
                plan = "",
                responsiblePerson = "r",
                dueOn = "2026-12-01",
            },
            "plan"
        );
        yield return Case(
            "POST",
            "/api/v1/organizations/{org}/rectifications/{rectification}/notes",
            new { content = "" },
            "content"
        );
        yield return Case(
            "POST",
            "/api/v1/organizations/{org}/rectifications/{rectification}/notes",
            new { content = Long(1001) },
            "content"
        );
        yield return Case(
            "POST",
            "/api/v1/organizations/{org}/rectifications/{rectification}/close",
            new { closureNote = "" },
            "closureNote"
        );
        yield return Case(
            "POST",
            "/api/v1/organizations/{org}/rectifications/{rectification}/close",
            new { closureNote = Long(1001) },
            "closureNote"
        );
        yield return Case(
            "POST",
            "/api/v1/organizations/{org}/pairings",
            new { kind = "Partnership", startsOn = "2026-01-01" },
            "partnerOrganizationId"
        );
        yield return Case(
            "POST",
            "/api/v1/organizations/{org}/pairings",
            new { partnerOrganizationId = Guid.CreateVersion7(), kind = "Partnership" },
            "startsOn"
        );
        yield return Case(
            "PUT",
            "/api/v1/organizations/{org}/pairings/{pairing}",
            new { startsOn = "2026-01-01", notes = Long(501) },
            "notes"
        );
        yield return Case(
            "PUT",
            "/api/v1/organizations/{org}/pairings/{pairing}",
            new { endsOn = "2026-01-01" },
            "startsOn"
        );
        yield return Case(
            "POST",
            "/api/v1/coalitions",
            new { name = "", memberOrganizationIds = new[] { Guid.CreateVersion7(), Guid.CreateVersion7() } },
            "name"
        );
        yield return Case(
            "POST",
            "/api/v1/coalitions",
            new { name = Long(101), memberOrganizationIds = new[] { Guid.CreateVersion7(), Guid.CreateVersion7() } },
            "name"
        );
        yield return Case(
            "POST",
            "/api/v1/coalitions",
            new
            {
                name = "x",
                description = Long(1001),
                memberOrganizationIds = new[] { Guid.CreateVersion7(), Guid.CreateVersion7() },
            },
            "description"
        );
        var same = Guid.CreateVersion7();
        yield return Case(
            "POST",
            "/api/v1/coalitions",
            new { name = "x", memberOrganizationIds = new[] { same, same } },
            "memberOrganizationIds"
        );
        yield return Case(
            "PUT",
            "/api/v1/coalitions/{coalition}",
            new { name = "", memberOrganizationIds = new[] { same, Guid.CreateVersion7() } },
            "name"
        );
        yield return Case("POST", "/api/v1/rule-sets", new { name = "x" }, "regionRootId");
        yield return Case("POST", "/api/v1/rule-sets", new { regionRootId = Guid.CreateVersion7(), name = "" }, "name");
        yield return Case(
            "POST",
            "/api/v1/rule-sets",
            new { regionRootId = Guid.CreateVersion7(), name = "x" },
            "regionRootId"
        );
        yield return Case("PUT", "/api/v1/rule-sets/{ruleSet}", new { name = "" }, "name");
        yield return Case("PUT", "/api/v1/rule-sets/{ruleSet}", new { name = "x" }, "document");
        yield return Case("GET", "/api/v1/organizations?q=" + new string('x', 101), new { }, "q");
        yield return Case("GET", "/api/v1/organizations/{org}/stats?year=1900", new { }, "year");
        yield return Case("GET", "/api/v1/organizations/{org}/gradings/lagging", new { }, "year");
        yield return Case(
            "GET",
            "/api/v1/organizations/{org}/gradings/lagging?year=2025&movement=Sideways",
            new { },
            "movement"
        );
        yield return Case("GET", "/api/v1/organizations/{org}/rectifications?status=Pending", new { }, "status");
        yield return Case("GET", "/api/v1/organizations/{org}/pairings?kind=Friendship", new { }, "kind");
        yield return Case("GET", "/api/v1/organizations/warnings?code=Nope", new { }, "code");
        yield return Case("GET", "/api/v1/organizations/warnings?sort=-secret", new { }, "sort");
        yield return Case("GET", "/api/v1/organizations/{org}/gradings?sort=comment", new { }, "sort");
        yield return Case("GET", "/api/v1/coalitions?pageSize=500", new { }, "pageSize");
        yield return Case("GET", "/api/v1/rule-sets?page=0", new { }, "page");
    }

    [OneTimeSetUp]
    public async Task CreateTargets()
    {
        var root = await CreateOrganization(Unique("校验根"), kind: "Committee");
        var org = await CreateOrganization("校验支部", root.Id());
        var rectification = await Json.Read(
            await Post(
                $"/api/v1/organizations/{org.Id()}/rectifications",
                new
                {
                    reasons = new[] { "r" },
                    plan = "p",
                    responsiblePerson = "r",
                    dueOn = "2026-12-01",
                }
            ),
            HttpStatusCode.Created
        );
        var pairing = await Json.Read(
            await Post(
                $"/api/v1/organizations/{org.Id()}/pairings",
                new
                {
                    partnerOrganizationId = root.Id(),
                    kind = "Partnership",
                    startsOn = "2026-01-01",
                }
            ),
            HttpStatusCode.Created
        );
        var coalition = await Json.Read(
            await Post(
                "/api/v1/coalitions",
                new { name = Unique("校验联合体"), memberOrganizationIds = new[] { root.Id(), org.Id() } }
            ),
            HttpStatusCode.Created
        );
        await Json.Read(
            await Post($"/api/v1/organizations/{org.Id()}/gradings", new { year = 2025, level = "good" }),
            HttpStatusCode.Created
        );
        var ruleSets = await Json.Read(await Get("/api/v1/rule-sets"), HttpStatusCode.OK);
        _targets = new Dictionary<string, string>
        {
            ["{org}"] = org.Id().ToString(),
            ["{rectification}"] = rectification.Id().ToString(),
            ["{pairing}"] = pairing.Id().ToString(),
            ["{coalition}"] = coalition.Id().ToString(),
            ["{ruleSet}"] = ruleSets.GetProperty("items")[0].Id().ToString(),
        };
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Each_rule_answers_400_on_its_field(string method, string route, string body, string field)
    {
        var url = _targets.Aggregate(
            route,
            (current, target) => current.Replace(target.Key, target.Value, StringComparison.Ordinal)
        );
        var response =
            method == "GET" ? await Get(url) : await SendRaw(new HttpMethod(method), url, body, ifMatch: "\"1\"");
        await Json.Problem(response, HttpStatusCode.BadRequest, field: field);
    }
}
