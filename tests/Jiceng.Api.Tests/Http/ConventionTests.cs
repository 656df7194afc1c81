using System.Net;
using System.Net.Http.Json;
using System.Text;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Http;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class ConventionTests(DatabaseProvider provider) : ApiTest(provider)
{
    [Test]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_first_response_and_creates_nothing_new()
    {
        var root = await CreateOrganization(Unique("鸡西市委"), kind: "Committee", field: "Government");
        var body = new NewOrganization("重试党支部", root.Id(), "Branch", "Village");
        var key = Guid.NewGuid().ToString();

        var first = await Post("/api/v1/organizations", body, idempotencyKey: key);
        var created = await Json.Read(first, HttpStatusCode.Created);
        var retry = await Post("/api/v1/organizations", body, idempotencyKey: key);
        var replayed = await Json.Read(retry, HttpStatusCode.Created);
        var children = await Json.Read(await Get($"/api/v1/organizations/{root.Id()}/children"), HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That(replayed.Id(), Is.EqualTo(created.Id()));
            Assert.That(retry.Headers.Location, Is.EqualTo(first.Headers.Location));
            Assert.That(retry.Headers.ETag, Is.EqualTo(first.Headers.ETag));
            Assert.That(retry.Headers.GetValues("Idempotent-Replayed").Single(), Is.EqualTo("true"));
            Assert.That(children.GetProperty("total").GetInt64(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Reusing_an_idempotency_key_with_another_body_returns_422_and_writes_nothing()
    {
        var root = await CreateOrganization(Unique("密山市委"), kind: "Committee", field: "Government");
        var key = Guid.NewGuid().ToString();
        await Json.Read(
            await Post(
                "/api/v1/organizations",
                new NewOrganization("第一个", root.Id(), "Branch", "Village"),
                idempotencyKey: key
            ),
            HttpStatusCode.Created
        );
        var reused = await Post(
            "/api/v1/organizations",
            new NewOrganization("第二个", root.Id(), "Branch", "Village"),
            idempotencyKey: key
        );

        await Json.Problem(reused, HttpStatusCode.UnprocessableEntity, code: "idempotency_key_reused");
        var children = await Json.Read(await Get($"/api/v1/organizations/{root.Id()}/children"), HttpStatusCode.OK);
        Assert.That(children.GetProperty("total").GetInt64(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_failed_attempt_frees_its_idempotency_key_and_keys_expire_after_24_hours()
    {
        var root = await CreateOrganization(Unique("鸡东县委"), kind: "Committee", field: "Government");
        var key = Guid.NewGuid().ToString();
        await Json.Problem(
            await Post(
                "/api/v1/organizations",
                new NewOrganization("", root.Id(), "Branch", "Village"),
                idempotencyKey: key
            ),
            HttpStatusCode.BadRequest,
            field: "name"
        );
        await Json.Read(
            await Post(
                "/api/v1/organizations",
                new NewOrganization("修正后", root.Id(), "Branch", "Village"),
                idempotencyKey: key
            ),
            HttpStatusCode.Created
        );

        Clock.Set(ApiFactory.Start.AddHours(25));
        await SignInAgain();
        try
        {
            var afterExpiry = await Post(
                "/api/v1/organizations",
                new NewOrganization("一天以后", root.Id(), "Branch", "Village"),
                idempotencyKey: key
            );
            await Json.Read(afterExpiry, HttpStatusCode.Created);
            Assert.That(afterExpiry.Headers.Contains("Idempotent-Replayed"), Is.False);
        }
        finally
        {
            Clock.Set(ApiFactory.Start);
        }
    }

    [Test]
    public async Task An_overlong_idempotency_key_is_400()
    {
        await Json.Problem(
            await Post(
                "/api/v1/organizations",
                new NewOrganization("x", null, "Branch", "Village"),
                idempotencyKey: new string('k', 101)
            ),
            HttpStatusCode.BadRequest,
            field: "Idempotency-Key"
        );
    }

    [TestCase("{")]
    [TestCase("[1,2,3]")]
    [TestCase("\"just a string\"")]
    [TestCase("{\"name\": 12, \"kind\": \"Branch\", \"field\": \"Village\"}")]
    public async Task Malformed_json_is_a_400_problem(string body)
    {
        var response = await SendRaw(HttpMethod.Post, "/api/v1/organizations", body);
        var problem = await Json.Problem(response, HttpStatusCode.BadRequest);
        Assert.That(problem.TryGetProperty("errors", out _), Is.True);
    }

    [Test]
    public async Task A_body_that_is_not_json_is_415()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/organizations")
        {
            Content = new StringContent("name=x", Encoding.UTF8, "text/plain"),
        };
        await Json.Problem(await Client.SendAsync(request), HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Unknown_routes_and_wrong_methods_answer_with_problems()
    {
        var missing = await Get("/api/v1/nothing-here");
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missing.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var wrongMethod = await SendRaw(HttpMethod.Patch, "/api/v1/organizations", "{}");
        Assert.That(wrongMethod.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(wrongMethod.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Every_response_carries_a_request_id_and_a_given_one_is_kept()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Request-Id", "trace-abc-123");
        var response = await Client.SendAsync(request);
        Assert.That(response.Headers.GetValues("X-Request-Id").Single(), Is.EqualTo("trace-abc-123"));
        var other = await Get("/health/live");
        Assert.That(other.Headers.GetValues("X-Request-Id").Single(), Is.Not.Empty);
    }

    [Test]
    public async Task Health_endpoints_report_live_and_ready()
    {
        Assert.That((await Get("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var ready = await Get("/health/ready");
        Assert.Multiple(async () =>
        {
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await ready.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
        });
    }

    [Test]
    public async Task Swagger_documents_every_operation_with_a_summary_its_problems_and_the_protocol_headers()
    {
        var document = await Json.Read(await Get("/swagger/v1/swagger.json"), HttpStatusCode.OK);
        var operations = document
            .GetProperty("paths")
            .EnumerateObject()
            .SelectMany(path =>
                path.Value.EnumerateObject().Select(op => (Path: path.Name, Method: op.Name, Operation: op.Value))
            )
            .ToList();
        Assert.That(operations, Has.Count.GreaterThanOrEqualTo(30));
        Assert.Multiple(() =>
        {
            foreach (var (path, method, operation) in operations)
            {
                var name = $"{method.ToUpperInvariant()} {path}";
                Assert.That(
                    operation.TryGetProperty("summary", out var summary) && summary.GetString()!.Length > 10,
                    Is.True,
                    $"{name} has a summary"
                );
                var responses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
                Assert.That(responses, Does.Contain("429").And.Contain("500"), $"{name} documents 429 and 500");
                var headers = operation.TryGetProperty("parameters", out var parameters)
                    ? parameters
                        .EnumerateArray()
                        .Where(p => p.Str("in") == "header")
                        .Select(p => p.Str("name"))
                        .ToList()
                    : [];
                if (
                    method == "put"
                    || path.EndsWith("/move", StringComparison.Ordinal)
                    || path.EndsWith("/close", StringComparison.Ordinal)
                    || method == "delete"
                )
                {
                    Assert.That(headers, Does.Contain("If-Match"), $"{name} takes If-Match");
                    Assert.That(responses, Does.Contain("412").And.Contain("428"), $"{name} documents 412 and 428");
                }
                // Creating an API client answers with its secret key, which an idempotent replay would have to store.
                if (method == "post" && responses.Contains("201") && path != "/api/v1/api-clients")
                {
                    Assert.That(headers, Does.Contain("Idempotency-Key"), $"{name} takes Idempotency-Key");
                }
                if (operation.TryGetProperty("requestBody", out _))
                {
                    Assert.That(responses, Does.Contain("400"), $"{name} documents 400");
                }
            }
        });
        var createSchema = document
            .GetProperty("components")
            .GetProperty("schemas")
            .GetProperty("CreateOrganizationCommand");
        Assert.That(
            createSchema.TryGetProperty("examples", out _) || createSchema.TryGetProperty("example", out _),
            Is.True,
            "the create body has an example"
        );
    }
}

/// <summary>Sign-in attempts are limited per client address, so passwords cannot be guessed quickly.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class SignInRateLimitTests(DatabaseProvider provider) : ApiTest(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["RateLimiting:SignInPermitLimit"] = "3" };

    [Test]
    public async Task Sign_in_attempts_past_the_limit_get_429()
    {
        // The fixture's own admin sign-in used one of the three.
        using var client = Factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(
                (
                    await client.PostAsJsonAsync(
                        "/api/v1/auth/sign-in",
                        new { username = "nobody", password = "wrong-password" }
                    )
                ).StatusCode
            );
        }
        Assert.That(
            statuses,
            Is.EqualTo(
                new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }
            )
        );
    }
}

/// <summary>A separate API with a tiny limit, so 429 can be seen without thousands of requests.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class RateLimitTests(DatabaseProvider provider) : ApiTest(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["RateLimiting:PermitLimit"] = "5", ["RateLimiting:WindowSeconds"] = "60" };

    [Test]
    public async Task Requests_past_the_limit_get_429_with_retry_after_while_health_stays_open()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 8; i++)
        {
            var response = await Get("/api/v1/organizations");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
        }
        Assert.That(statuses.Take(5), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(limited, Is.Not.Null);
        await Json.Problem(limited!, HttpStatusCode.TooManyRequests);
        Assert.That(limited!.Headers.RetryAfter, Is.Not.Null);
        Assert.That((await Get("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
