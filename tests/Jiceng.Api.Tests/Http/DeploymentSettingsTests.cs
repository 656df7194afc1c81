using System.Net;
using System.Net.Http.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Http;

/// <summary>Swagger turned off, and TLS ending at a proxy in front: HSTS and the client's forwarded address.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class DeploymentSettingsTests(DatabaseProvider provider) : ApiTest(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>
        {
            ["Swagger:Enabled"] = "false",
            ["Http:BehindTlsProxy"] = "true",
            ["Http:MaxConcurrentRequests"] = "3",
        };

    [Test]
    public async Task Api_requests_take_turns_under_the_configured_limit_and_health_checks_do_not()
    {
        var limiter = Factory.Services.GetRequiredService<RequestConcurrencyLimiter>().Limiter!;
        var leasesBefore = limiter.GetStatistics()!.TotalSuccessfulLeases;

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Client.GetAsync("/api/v1/organizations")));
        await Anonymous.GetAsync("/health/live");

        var statistics = limiter.GetStatistics()!;
        Assert.Multiple(() =>
        {
            Assert.That(answers.Select(a => a.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(
                statistics.TotalSuccessfulLeases - leasesBefore,
                Is.EqualTo(20),
                "each API request took a turn"
            );
            Assert.That(statistics.CurrentAvailablePermits, Is.EqualTo(3), "every turn given back");
            Assert.That(statistics.TotalFailedLeases, Is.Zero);
        });
    }

    [TestCase("/swagger")]
    [TestCase("/swagger/index.html")]
    [TestCase("/swagger/v1/swagger.json")]
    public async Task Swagger_turned_off_is_404(string path)
    {
        await Json.Problem(await Anonymous.GetAsync(path), HttpStatusCode.NotFound);
        await Json.Problem(await Client.GetAsync(path), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Behind_a_tls_proxy_every_response_carries_strict_transport_security()
    {
        var live = await Anonymous.GetAsync("/health/live");
        var refused = await Anonymous.GetAsync("/api/v1/organizations");
        var served = await Client.GetAsync("/api/v1/organizations");
        Assert.Multiple(() =>
        {
            foreach (var response in new[] { live, refused, served })
            {
                var hsts = response.Headers.TryGetValues("Strict-Transport-Security", out var values)
                    ? values.Single()
                    : null;
                Assert.That(hsts, Is.EqualTo("max-age=31536000"), response.RequestMessage?.RequestUri?.ToString());
            }
        });
    }

    [Test]
    public async Task Behind_a_tls_proxy_the_forwarded_client_address_is_the_one_audited()
    {
        await Json.Problem(await FailedSignInFrom(Anonymous, "203.0.113.50"), HttpStatusCode.Unauthorized);
        Assert.That(await SignInFailureAddresses(Client), Does.Contain("203.0.113.50"));
    }

    internal static Task<HttpResponseMessage> FailedSignInFrom(HttpClient client, string forwardedFor)
    {
        var username = "nobody-" + Guid.NewGuid().ToString("N")[..8];
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/sign-in")
        {
            Content = JsonContent.Create(new { username, password = "Whatever-Password-1" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return client.SendAsync(request);
    }

    internal static async Task<IReadOnlyList<string?>> SignInFailureAddresses(HttpClient admin)
    {
        var audit = await admin.GetAsync("/api/v1/audit?action=SignInFailed&pageSize=200");
        var rows = await Json.Read(audit, HttpStatusCode.OK);
        return rows.GetProperty("items")
            .EnumerateArray()
            .Select(r => r.GetProperty("clientAddress").GetString())
            .ToList();
    }
}

/// <summary>The defaults: Swagger public, no HSTS, forwarded headers ignored.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class DefaultDeploymentSettingsTests(DatabaseProvider provider) : ApiTest(provider)
{
    [Test]
    public async Task By_default_swagger_is_public_there_is_no_hsts_and_forwarded_addresses_are_not_believed()
    {
        var document = await Anonymous.GetAsync("/swagger/v1/swagger.json");
        var signIn = await DeploymentSettingsTests.FailedSignInFrom(Anonymous, "203.0.113.51");
        var addresses = await DeploymentSettingsTests.SignInFailureAddresses(Client);
        Assert.Multiple(() =>
        {
            Assert.That(document.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(document.Headers.Contains("Strict-Transport-Security"), Is.False);
            Assert.That(signIn.Headers.Contains("Strict-Transport-Security"), Is.False);
            Assert.That(addresses, Does.Not.Contain("203.0.113.51"));
        });
    }
}
