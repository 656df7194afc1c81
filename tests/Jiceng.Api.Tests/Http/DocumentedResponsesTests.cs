using System.Net;
using System.Text;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Http;

/// <summary>
/// Every status the API answered in this test run (recorded by the test host for every fixture, see
/// <see cref="ResponseRecorder"/>) is listed for its operation in the OpenAPI document. NUnit gives no fixture a
/// guaranteed last place, so this fixture first drives the infrastructure's answers itself (400, 401, 403, 404, 409,
/// 412, 415, 428; the test server enforces no body limit, so 413 is documented but not seen) across routes, then
/// checks all that was recorded so far in the run; and the run-wide check repeats at the very end
/// (<see cref="WholeRun.DocumentedResponsesOfTheRunTests"/>).
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class DocumentedResponsesTests(DatabaseProvider provider) : ApiTest(provider)
{
    [Test]
    public async Task Every_status_the_api_answered_is_documented_for_its_operation()
    {
        var region = await CreateOrganization(Unique("文档市委"), kind: "Committee", field: "Government");
        var branch = await CreateOrganization("文档党支部", region.Id());
        var (_, etag) = await GetWithETag($"/api/v1/organizations/{branch.Id()}");
        var viewer = await SignedInViewer(region.Id());
        var document = await Json.Read(await Get("/swagger/v1/swagger.json"), HttpStatusCode.OK);
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            // Signing out or changing the password would end the session the rest of the test uses.
            foreach (
                var operation in path
                    .Value.EnumerateObject()
                    .Where(_ => !path.Name.StartsWith("/api/v1/auth/", StringComparison.Ordinal))
            )
            {
                var url = path.Name.Replace("{id}", branch.Id().ToString(), StringComparison.Ordinal);
                url = System.Text.RegularExpressions.Regex.Replace(url, "\\{[^}]+\\}", Guid.NewGuid().ToString());
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                var hasBody = operation.Value.TryGetProperty("requestBody", out _);
                await Anonymous.SendAsync(new HttpRequestMessage(method, url));
                await viewer.SendAsync(new HttpRequestMessage(method, url));
                await Client.SendAsync(
                    new HttpRequestMessage(
                        method,
                        url.Replace(branch.Id().ToString(), Guid.NewGuid().ToString(), StringComparison.Ordinal)
                    )
                );
                if (hasBody)
                {
                    await Client.SendAsync(Request(method, url, "{", "application/json"));
                    await Client.SendAsync(Request(method, url, "{}", "application/json; charset=utf-7"));
                    await Client.SendAsync(Request(method, url, "x", "text/plain"));
                    await Client.SendAsync(Request(method, url, "{}", "application/json", ifMatch: "\"999\""));
                    var keyed = Request(method, url, "{}", "application/json");
                    keyed.Headers.TryAddWithoutValidation("Idempotency-Key", new string('k', 101));
                    await Client.SendAsync(keyed);
                }
            }
        }
        await Client.SendAsync(
            Request(HttpMethod.Delete, $"/api/v1/organizations/{branch.Id()}", null, null, ifMatch: etag)
        );
        await Client.SendAsync(
            Request(HttpMethod.Delete, $"/api/v1/organizations/{branch.Id()}", null, null, ifMatch: etag)
        );

        var missing = ResponseRecorder.Undocumented(document);
        Assert.That(
            ResponseRecorder.Responses.Keys.Select(k => k.Status).Distinct(),
            Is.SupersetOf(new[] { 400, 401, 403, 404, 412, 415 })
        );
        Assert.That(missing, Is.Empty, string.Join("\n", missing));
    }

    private async Task<HttpClient> SignedInViewer(Guid scope)
    {
        var username = Unique("viewer").Replace("-", "", StringComparison.Ordinal);
        await Json.Read(
            await Post("/api/v1/users", new NewUser(username, "查看员", "Viewer-Password-9", ["Viewer"], scope)),
            HttpStatusCode.Created
        );
        return await SignedInClient(username, "Viewer-Password-9");
    }

    private static HttpRequestMessage Request(
        HttpMethod method,
        string url,
        string? body,
        string? contentType,
        string? ifMatch = null
    )
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.Remove("Content-Type");
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return request;
    }
}
