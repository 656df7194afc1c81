using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Modules.Accounts.Domain;
using Jiceng.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jiceng.Tests.Security;

/// <summary>Sessions that sign-out ends on the server, sign-in that tells no usernames apart, locks per address, password rules.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class SignInAndSessionTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Password = "Session-Password-1";
    private const string AddressHeader = "X-Test-Client-Address";

    private readonly CountingHasher _hasher = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<IPasswordHasher<UserRow>>();
        services.AddSingleton<IPasswordHasher<UserRow>>(_hasher);
        services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
    }

    private async Task<string> CreateUser(string role = "Viewer")
    {
        var username = "sess" + Guid.NewGuid().ToString("N")[..8];
        await Json.Read(await Post("/api/v1/users", new { username, displayName = "会话", password = Password, roles = new[] { role } }), HttpStatusCode.Created);
        return username;
    }

    private HttpClient CookieLessClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    /// <summary>Signs in and returns the session cookie as a browser would send it back.</summary>
    private async Task<string> SessionCookie(string username)
    {
        using var client = CookieLessClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { username, password = Password });
        await Json.Read(response, HttpStatusCode.NoContent);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    private async Task<HttpStatusCode> Send(HttpMethod method, string url, string cookie)
    {
        using var client = CookieLessClient();
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }

    private Task<HttpResponseMessage> SignIn(string username, string password, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/sign-in") { Content = JsonContent.Create(new { username, password }) };
        request.Headers.Add(AddressHeader, address);
        return Anonymous.SendAsync(request);
    }

    [Test]
    public async Task Signing_out_ends_that_session_on_the_server_and_only_that_one()
    {
        var username = await CreateUser();
        var laptop = await SessionCookie(username);
        var phone = await SessionCookie(username);
        Assert.That(await Send(HttpMethod.Get, "/api/v1/auth/me", laptop), Is.EqualTo(HttpStatusCode.OK));

        Assert.That(await Send(HttpMethod.Post, "/api/v1/auth/sign-out", laptop), Is.EqualTo(HttpStatusCode.NoContent));

        Assert.Multiple(async () =>
        {
            Assert.That(await Send(HttpMethod.Get, "/api/v1/auth/me", laptop), Is.EqualTo(HttpStatusCode.Unauthorized), "a copy of the signed-out cookie");
            Assert.That(await Send(HttpMethod.Get, "/api/v1/organizations", laptop), Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await Send(HttpMethod.Get, "/api/v1/auth/me", phone), Is.EqualTo(HttpStatusCode.OK), "the same user's other session");
        });
    }

    [Test]
    public async Task A_signed_out_cookie_cannot_sign_out_again()
    {
        var cookie = await SessionCookie(await CreateUser());
        Assert.That(await Send(HttpMethod.Post, "/api/v1/auth/sign-out", cookie), Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await Send(HttpMethod.Post, "/api/v1/auth/sign-out", cookie), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task An_unknown_username_costs_a_password_verification_like_a_known_one()
    {
        var username = await CreateUser();
        var unknownGuess = "Guess-" + Guid.NewGuid().ToString("N");
        var knownGuess = "Guess-" + Guid.NewGuid().ToString("N");
        await Json.Problem(await SignIn("nobody-" + Guid.NewGuid().ToString("N")[..8], unknownGuess, "10.1.0.1"), HttpStatusCode.Unauthorized,
            code: "invalid_credentials");
        await Json.Problem(await SignIn(username, knownGuess, "10.1.0.1"), HttpStatusCode.Unauthorized, code: "invalid_credentials");
        Assert.Multiple(() =>
        {
            Assert.That(_hasher.Verified.Count(p => p == unknownGuess), Is.EqualTo(1), "the unknown user's guess is checked against a dummy hash");
            Assert.That(_hasher.Verified.Count(p => p == knownGuess), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Failures_lock_an_account_only_for_the_address_they_came_from()
    {
        var username = await CreateUser();
        const string attacker = "203.0.113.7";
        for (var i = 0; i < 4; i++)
        {
            await Json.Problem(await SignIn(username, "wrong-password!", attacker), HttpStatusCode.Unauthorized, code: "invalid_credentials");
        }
        await Json.Problem(await SignIn(username, "wrong-password!", attacker), HttpStatusCode.Unauthorized, code: "account_locked");
        await Json.Problem(await SignIn(username, Password, attacker), HttpStatusCode.Unauthorized, code: "account_locked");

        Assert.That((await SignIn(username, Password, "198.51.100.20")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent),
            "the owner signs in from an address with no failures");
        Assert.That((await SignIn("admin", ApiFactory.AdminPassword, "198.51.100.21")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        Clock.Set(ApiFactory.Start.AddMinutes(16));
        try
        {
            Assert.That((await SignIn(username, Password, attacker)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "the lock ends after 15 minutes");
        }
        finally
        {
            Clock.Set(ApiFactory.Start);
        }
    }

    [Test]
    public async Task Failures_more_than_15_minutes_apart_do_not_add_up_to_a_lock()
    {
        var username = await CreateUser();
        const string address = "203.0.113.9";
        try
        {
            for (var i = 0; i < 4; i++)
            {
                await Json.Problem(await SignIn(username, "wrong-password!", address), HttpStatusCode.Unauthorized, code: "invalid_credentials");
            }
            Clock.Set(ApiFactory.Start.AddMinutes(16));
            await Json.Problem(await SignIn(username, "wrong-password!", address), HttpStatusCode.Unauthorized, code: "invalid_credentials");
        }
        finally
        {
            Clock.Set(ApiFactory.Start);
        }
    }

    [TestCase("aaaaaaaaaaaa")]
    [TestCase("1231231231")]
    [TestCase("woaini1314")]
    [TestCase("qwertyuiop")]
    [TestCase("1234567890")]
    [TestCase("Password123")]
    [TestCase("P@ssw0rd123")]
    public async Task Weak_passwords_are_refused_on_the_password_field(string password)
    {
        var response = await Post("/api/v1/users", new { username = Unique("weak"), displayName = "弱", password, roles = new[] { "Viewer" } }, language: "en-US");
        var problem = await Json.Problem(response, HttpStatusCode.BadRequest, field: "password");
        Assert.That(problem.GetProperty("errors").GetProperty("password")[0].GetString(), Does.Contain("common").Or.Contain("repeated"));
    }

    [Test]
    public async Task A_password_equal_to_the_username_is_refused_and_the_demo_password_is_accepted()
    {
        var username = "user" + Guid.NewGuid().ToString("N")[..10];
        var same = await Post("/api/v1/users", new { username, displayName = "同名", password = username.ToUpperInvariant(), roles = new[] { "Viewer" } });
        var problem = await Json.Problem(same, HttpStatusCode.BadRequest, field: "password");
        Assert.That(problem.GetProperty("errors").GetProperty("password")[0].GetString(), Does.Contain("用户名"));
        await Json.Read(await Post("/api/v1/users", new { username, displayName = "演示", password = "jiceng-demo-2026", roles = new[] { "Viewer" } }),
            HttpStatusCode.Created);
    }

    [Test]
    public async Task A_new_password_must_differ_from_the_current_one_and_not_be_common()
    {
        var username = await CreateUser();
        using var user = await SignedInClient(username, Password);
        var same = await user.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = Password, newPassword = Password });
        var problem = await Json.Problem(same, HttpStatusCode.BadRequest, field: "newPassword");
        Assert.That(problem.GetProperty("errors").GetProperty("newPassword")[0].GetString(), Does.Contain("当前密码"));
        var common = await user.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = Password, newPassword = "woaini1314520" });
        await Json.Problem(common, HttpStatusCode.BadRequest, field: "newPassword");
        var repeated = await user.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = Password, newPassword = new string('7', 12) });
        await Json.Problem(repeated, HttpStatusCode.BadRequest, field: "newPassword");
        Assert.That((await user.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Changing_the_password_keeps_this_session_and_ends_the_others()
    {
        var username = await CreateUser();
        using var here = await SignedInClient(username, Password);
        var elsewhere = await SessionCookie(username);
        var changed = await here.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword = Password, newPassword = "Session-Password-2" });
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.Multiple(async () =>
        {
            Assert.That((await here.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await Send(HttpMethod.Get, "/api/v1/auth/me", elsewhere), Is.EqualTo(HttpStatusCode.Unauthorized));
        });
        // Signing out after the change still ends the session that carries the new stamp.
        Assert.That((await here.PostAsync("/api/v1/auth/sign-out", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await here.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    /// <summary>The real hasher, remembering every password it was asked to verify.</summary>
    private sealed class CountingHasher : IPasswordHasher<UserRow>
    {
        private readonly PasswordHasher<UserRow> _inner = new();

        public ConcurrentQueue<string> Verified { get; } = new();

        public string HashPassword(UserRow user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(UserRow user, string hashedPassword, string providedPassword)
        {
            Verified.Enqueue(providedPassword);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    /// <summary>The test server has no client address; this lets a test say which address a request comes from.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers.TryGetValue(AddressHeader, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }
                return following(context);
            });
            next(app);
        };
    }
}

/// <summary>The first administrator's password obeys the same policy, checked before anything is created.</summary>
public sealed class BootstrapPasswordTests
{
    [TestCase("qwertyuiop123")]
    [TestCase("zzzzzzzzzzzz")]
    [TestCase("ADMIN")]
    public async Task A_weak_bootstrap_password_stops_the_start(string password)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new ApiFactory(database, new Dictionary<string, string?> { ["Bootstrap:AdminPassword"] = password });
        var refused = Assert.Catch(() => factory.CreateClient());
        Assert.That(refused!.ToString(), Does.Contain("Bootstrap:AdminPassword"));
    }

    [Test]
    public void The_demo_and_test_passwords_pass_and_the_list_is_loaded()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PasswordPolicy.Check("jiceng-demo-2026", "admin"), Is.EqualTo(PasswordProblem.None));
            Assert.That(PasswordPolicy.Check(ApiFactory.AdminPassword, "admin"), Is.EqualTo(PasswordProblem.None));
            Assert.That(PasswordPolicy.Check("WOAINI1314", "someone"), Is.EqualTo(PasswordProblem.Common));
            Assert.That(PasswordPolicy.Check("aaaaaaaaaa", "someone"), Is.EqualTo(PasswordProblem.Repeated));
            Assert.That(PasswordPolicy.Check("Long-Enough-Password", "long-enough-password"), Is.EqualTo(PasswordProblem.SameAsUsername));
            Assert.That(PasswordPolicy.Check("Long-Enough-Password", "x", "Long-Enough-Password"), Is.EqualTo(PasswordProblem.SameAsCurrent));
        });
    }
}
