using System.Net;
using System.Net.Http.Json;
using Dapper;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Security;

/// <summary>Two instances of the API on one database, configured as README says: the same personal-data keys.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class DataProtectionKeyTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string KeysSql = "SELECT xml FROM data_protection_keys";

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>
        {
            ["Security:DataKeys:k1"] = Convert.ToBase64String(Enumerable.Repeat((byte)11, 32).ToArray()),
            ["Security:BlindIndexKey"] = Convert.ToBase64String(Enumerable.Repeat((byte)12, 32).ToArray()),
        };

    [Test]
    public async Task A_session_cookie_issued_by_one_instance_is_accepted_by_another_and_after_a_restart()
    {
        var fromFirst = await SessionCookie(Factory);
        await using (var second = new ApiFactory(Database, Settings))
        {
            await Me(second, fromFirst, HttpStatusCode.OK);
            var fromSecond = await SessionCookie(second);
            await Me(Factory, fromSecond, HttpStatusCode.OK);
        }
        // A restart is a new instance: the keys come from the database, not from this process or a folder.
        await using var restarted = new ApiFactory(Database, Settings);
        await Me(restarted, fromFirst, HttpStatusCode.OK);
        await Me(restarted, "jiceng.session=CfDJ8-forged", HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task The_keys_are_kept_in_the_database_with_their_secrets_encrypted()
    {
        await SessionCookie(Factory);
        await using var scope = Factory.Services.CreateAsyncScope();
        var connections = scope.ServiceProvider.GetRequiredService<DbConnectionFactory>();
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        var keys = (await connection.QueryAsync<string>(KeysSql)).ToList();
        Assert.That(keys, Is.Not.Empty, "the key that protects the cookie is stored");
        Assert.Multiple(() =>
        {
            foreach (var xml in keys)
            {
                Assert.That(xml, Does.Contain("<key ").And.Contain("personalDataKeyEncrypted"));
                Assert.That(xml, Does.Not.Contain("<masterKey").And.Not.Contain("<value>"), "no secret in the clear");
            }
        });
    }

    private static async Task<string> SessionCookie(ApiFactory factory)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var response = await client.PostAsJsonAsync(
            "/api/v1/auth/sign-in",
            new { username = "admin", password = ApiFactory.AdminPassword }
        );
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var setCookie = response
            .Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith("jiceng.session=", StringComparison.Ordinal));
        return setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private static async Task Me(ApiFactory factory, string cookie, HttpStatusCode expected)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
    }
}
