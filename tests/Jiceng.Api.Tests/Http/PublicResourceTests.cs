using System.Net;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Http;

/// <summary>What an anonymous browser must reach before signing in: the SPA and the API documentation.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class PublicResourceTests(DatabaseProvider provider) : ApiTest(provider)
{
    private static readonly string SpaRoot = CreateSpa();

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Spa:Root"] = SpaRoot };

    private static string CreateSpa()
    {
        var root = Path.Combine(Path.GetTempPath(), "jiceng-tests", "spa-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "assets"));
        File.WriteAllText(Path.Combine(root, "index.html"), "<!doctype html><title>基层</title><div id=root></div>");
        File.WriteAllText(Path.Combine(root, "assets", "index-abc123.js"), "console.log('jiceng');");
        File.WriteAllBytes(Path.Combine(root, "assets", "index-abc123.js.br"), [1, 2, 3]);
        File.WriteAllBytes(Path.Combine(root, "assets", "index-abc123.js.gz"), [4, 5, 6]);
        return root;
    }

    [Test]
    public async Task Anonymous_callers_get_the_spa_its_assets_and_client_routes()
    {
        var index = await Anonymous.GetAsync("/");
        var asset = await Anonymous.GetAsync("/assets/index-abc123.js");
        var clientRoute = await Anonymous.GetAsync("/organizations/some/deep/route");
        Assert.Multiple(async () =>
        {
            Assert.That(index.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await index.Content.ReadAsStringAsync(), Does.Contain("基层"));
            Assert.That(asset.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(
                asset.Headers.TryGetValues("Cache-Control", out var cache)
                    ? string.Join(",", cache)
                    : asset.Content.Headers.ToString(),
                Does.Contain("immutable")
            );
            Assert.That(clientRoute.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await clientRoute.Content.ReadAsStringAsync(), Does.Contain("<div id=root>"));
        });
    }

    [TestCase("br, gzip", "br", new byte[] { 1, 2, 3 })]
    [TestCase("gzip, deflate", "gzip", new byte[] { 4, 5, 6 })]
    public async Task Assets_are_sent_precompressed_in_the_best_encoding_the_browser_accepts(
        string accepted,
        string encoding,
        byte[] body
    )
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/assets/index-abc123.js");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", accepted);
        var response = await Anonymous.SendAsync(request);
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentEncoding, Is.EqualTo(new[] { encoding }));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
            Assert.That(response.Headers.Vary, Does.Contain("Accept-Encoding"));
            Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(body));
        });
        var plain = await Anonymous.GetAsync("/assets/index-abc123.js");
        Assert.That(plain.Content.Headers.ContentEncoding, Is.Empty);
        Assert.That(await plain.Content.ReadAsStringAsync(), Is.EqualTo("console.log('jiceng');"));
    }

    [Test]
    public async Task Api_answers_are_compressed_for_a_browser_that_accepts_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/organizations?pageSize=50");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        var response = await Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentEncoding, Is.EqualTo(new[] { "br" }));
        await using var brotli = new System.IO.Compression.BrotliStream(
            await response.Content.ReadAsStreamAsync(),
            System.IO.Compression.CompressionMode.Decompress
        );
        using var json = await System.Text.Json.JsonDocument.ParseAsync(brotli);
        Assert.That(json.RootElement.GetProperty("total").GetInt32(), Is.GreaterThanOrEqualTo(0));
    }

    [Test]
    public async Task Api_routes_are_never_answered_with_the_page()
    {
        var unknownApi = await Anonymous.GetAsync("/api/v1/no-such-thing");
        var protectedApi = await Anonymous.GetAsync("/api/v1/organizations");
        Assert.That(unknownApi.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized).Or.EqualTo(HttpStatusCode.NotFound));
        Assert.That(unknownApi.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(protectedApi.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Anonymous_callers_get_the_openapi_document_and_swagger_ui()
    {
        Assert.That((await Anonymous.GetAsync("/swagger/v1/swagger.json")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Anonymous.GetAsync("/swagger/index.html")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_committed_openapi_document_is_current()
    {
        var live = System.Text.Json.Nodes.JsonNode.Parse(
            await (await Anonymous.GetAsync("/swagger/v1/swagger.json")).Content.ReadAsStringAsync()
        );
        var committedPath = Path.Combine(Architecture.Paths.Repository, "web", "src", "types", "openapi.json");
        var committed = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(committedPath));
        Assert.That(
            System.Text.Json.Nodes.JsonNode.DeepEquals(live, committed),
            Is.True,
            "web/src/types/openapi.json is stale: run scripts/gen-api-types.sh and commit the result"
        );
    }
}
