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

/// <summary>
/// Sessions that sign-out ends on the server, sign-in that tells no usernames apart and locks per address,
/// and the password rules.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class SignInAndSessionTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Password = "Session-Password-1";
    private const string AddressHeader = "X-Test-Client-Address";
    private const string WrongPassword = "wrong-password!";

    private readonly CountingHasher _hasher = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<IPasswordHasher<UserRow>>();
        services.AddSingleton<IPasswordHasher<UserRow>>(_hasher);
        services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
    }

    private async Task<string> CreateUser()
    {
        var username = "sess" + Guid.NewGuid().ToString("N")[..8];
        var body = new NewUser(username, "会话", Password, ["Viewer"]);
        await Json.Read(await Post("/api/v1/users", body), HttpStatusCode.Created);
        return username;
    }

    private Task<HttpResponseMessage> CreateUserWith(string username, string password, string? language = null) =>
        Post("/api/v1/users", new NewUser(username, "密码", password, ["Viewer"]), language: language);

    private HttpClient CookieLessClient() =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

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
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/sign-in")
        {
            Content = JsonContent.Create(new { username, password }),
        };
        request.Headers.Add(AddressHeader, address);
        return Anonymous.SendAsync(request);
    }

    private static Task<HttpResponseMessage> ChangePassword(
        HttpClient user,
        string currentPassword,
        string newPassword
    ) => user.PostAsJsonAsync("/api/v1/auth/change-password", new { currentPassword, newPassword });

    private static string FirstError(System.Text.Json.JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    [Test]
    public async Task Signing_out_ends_that_session_on_the_server_and_only_that_one()
    {
        var username = await CreateUser();
        var laptop = await SessionCookie(username);
        var phone = await SessionCookie(username);
        Assert.That(await Send(HttpMethod.Get, "/api/v1/auth/me", laptop), Is.EqualTo(HttpStatusCode.OK));

        var signOut = await Send(HttpMethod.Post, "/api/v1/auth/sign-out", laptop);
        Assert.That(signOut, Is.EqualTo(HttpStatusCode.NoContent));

        var copiedCookie = await Send(HttpMethod.Get, "/api/v1/auth/me", laptop);
        var copiedCookieOnData = await Send(HttpMethod.Get, "/api/v1/organizations", laptop);
        var otherSession = await Send(HttpMethod.Get, "/api/v1/auth/me", phone);
        Assert.Multiple(() =>
        {
            Assert.That(copiedCookie, Is.EqualTo(HttpStatusCode.Unauthorized), "a copy of the signed-out cookie");
            Assert.That(copiedCookieOnData, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(otherSession, Is.EqualTo(HttpStatusCode.OK), "the same user's other session");
        });
    }

    [Test]
    public async Task A_signed_out_cookie_cannot_sign_out_again()
    {
        var cookie = await SessionCookie(await CreateUser());
        var first = await Send(HttpMethod.Post, "/api/v1/auth/sign-out", cookie);
        var second = await Send(HttpMethod.Post, "/api/v1/auth/sign-out", cookie);
        Assert.That((first, second), Is.EqualTo((HttpStatusCode.NoContent, HttpStatusCode.Unauthorized)));
    }

    [Test]
    public async Task An_unknown_username_costs_a_password_verification_like_a_known_one()
    {
        var username = await CreateUser();
        var unknownGuess = "Guess-" + Guid.NewGuid().ToString("N");
        var knownGuess = "Guess-" + Guid.NewGuid().ToString("N");
        var unknownUser = "nobody-" + Guid.NewGuid().ToString("N")[..8];
        await Json.Problem(
            await SignIn(unknownUser, unknownGuess, "10.1.0.1"),
            HttpStatusCode.Unauthorized,
            code: "invalid_credentials"
        );
        await Json.Problem(
            await SignIn(username, knownGuess, "10.1.0.1"),
            HttpStatusCode.Unauthorized,
            code: "invalid_credentials"
        );
        Assert.Multiple(() =>
        {
            Assert.That(
                _hasher.Verified.Count(p => p == unknownGuess),
                Is.EqualTo(1),
                "the unknown user's guess is checked against a dummy hash"
            );
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
            await Json.Problem(
                await SignIn(username, WrongPassword, attacker),
                HttpStatusCode.Unauthorized,
                code: "invalid_credentials"
            );
        }
        var fifth = await SignIn(username, WrongPassword, attacker);
        await Json.Problem(fifth, HttpStatusCode.Unauthorized, code: "account_locked");
        var rightPassword = await SignIn(username, Password, attacker);
        await Json.Problem(rightPassword, HttpStatusCode.Unauthorized, code: "account_locked");

        var owner = await SignIn(username, Password, "198.51.100.20");
        var admin = await SignIn("admin", ApiFactory.AdminPassword, "198.51.100.21");
        Assert.Multiple(() =>
        {
            Assert.That(owner.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "the owner, from a clean address");
            Assert.That(admin.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        });

        Clock.Set(ApiFactory.Start.AddMinutes(16));
        try
        {
            var later = await SignIn(username, Password, attacker);
            Assert.That(later.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "the lock ends after 15 minutes");
        }
        finally
        {
            Clock.Set(ApiFactory.Start);
        }
    }

    [Test]
    public async Task An_unknown_username_locks_like_a_known_one_so_a_lock_tells_nothing()
    {
        var unknown = "nobody-" + Guid.NewGuid().ToString("N")[..8];
        const string address = "203.0.113.8";
        for (var i = 0; i < 4; i++)
        {
            await Json.Problem(
                await SignIn(unknown, WrongPassword, address),
                HttpStatusCode.Unauthorized,
                code: "invalid_credentials"
            );
        }
        var fifth = await Json.Problem(
            await SignIn(unknown, WrongPassword, address),
            HttpStatusCode.Unauthorized,
            code: "account_locked"
        );
        Assert.That(fifth.TryGetProperty("lockedUntil", out _), Is.True);
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
                await Json.Problem(
                    await SignIn(username, WrongPassword, address),
                    HttpStatusCode.Unauthorized,
                    code: "invalid_credentials"
                );
            }
            Clock.Set(ApiFactory.Start.AddMinutes(16));
            await Json.Problem(
                await SignIn(username, WrongPassword, address),
                HttpStatusCode.Unauthorized,
                code: "invalid_credentials"
            );
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
        var response = await CreateUserWith(Unique("weak"), password, language: "en-US");
        var problem = await Json.Problem(response, HttpStatusCode.BadRequest, field: "password");
        Assert.That(FirstError(problem, "password"), Does.Contain("common").Or.Contain("repeated"));
    }

    [Test]
    public async Task A_password_equal_to_the_username_is_refused_and_the_demo_password_is_accepted()
    {
        var username = "user" + Guid.NewGuid().ToString("N")[..10];
        var same = await CreateUserWith(username, username.ToUpperInvariant());
        var problem = await Json.Problem(same, HttpStatusCode.BadRequest, field: "password");
        Assert.That(FirstError(problem, "password"), Does.Contain("用户名"));
        await Json.Read(await CreateUserWith(username, "jiceng-demo-2026"), HttpStatusCode.Created);
    }

    [Test]
    public async Task A_new_password_must_differ_from_the_current_one_and_not_be_common()
    {
        var username = await CreateUser();
        using var user = await SignedInClient(username, Password);
        var same = await ChangePassword(user, Password, Password);
        var problem = await Json.Problem(same, HttpStatusCode.BadRequest, field: "newPassword");
        Assert.That(FirstError(problem, "newPassword"), Does.Contain("当前密码"));
        await Json.Problem(
            await ChangePassword(user, Password, "woaini1314520"),
            HttpStatusCode.BadRequest,
            field: "newPassword"
        );
        await Json.Problem(
            await ChangePassword(user, Password, new string('7', 12)),
            HttpStatusCode.BadRequest,
            field: "newPassword"
        );
        Assert.That((await user.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Changing_the_password_keeps_this_session_and_ends_the_others()
    {
        var username = await CreateUser();
        using var here = await SignedInClient(username, Password);
        var elsewhere = await SessionCookie(username);
        var changed = await ChangePassword(here, Password, "Session-Password-2");
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var thisOne = await here.GetAsync("/api/v1/auth/me");
        var otherOne = await Send(HttpMethod.Get, "/api/v1/auth/me", elsewhere);
        Assert.Multiple(() =>
        {
            Assert.That(thisOne.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(otherOne, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
        // Signing out after the change still ends the session that carries the new stamp.
        var signOut = await here.PostAsync("/api/v1/auth/sign-out", null);
        Assert.That(signOut.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await here.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    /// <summary>The real hasher, remembering every password it was asked to verify.</summary>
    private sealed class CountingHasher : IPasswordHasher<UserRow>
    {
        private readonly PasswordHasher<UserRow> _inner = new();

        public ConcurrentQueue<string> Verified { get; } = new();

        public string HashPassword(UserRow user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(
            UserRow user,
            string hashedPassword,
            string providedPassword
        )
        {
            Verified.Enqueue(providedPassword);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    /// <summary>The test server has no client address; this lets a test say where a request comes from.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
            app =>
            {
                app.Use(
                    (context, following) =>
                    {
                        if (context.Request.Headers.TryGetValue(AddressHeader, out var address))
                        {
                            context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                        }
                        return following(context);
                    }
                );
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
        var settings = new Dictionary<string, string?> { ["Bootstrap:AdminPassword"] = password };
        await using var factory = new ApiFactory(database, settings);
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
            Assert.That(
                PasswordPolicy.Check("Long-Enough-Password", "long-enough-password"),
                Is.EqualTo(PasswordProblem.SameAsUsername)
            );
            Assert.That(
                PasswordPolicy.Check("Long-Enough-Password", "x", "Long-Enough-Password"),
                Is.EqualTo(PasswordProblem.SameAsCurrent)
            );
        });
    }
}
