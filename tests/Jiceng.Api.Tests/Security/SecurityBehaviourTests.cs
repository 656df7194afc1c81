using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Security;

[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class SecurityBehaviourTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string Password = "Member-Password-1";

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>
        {
            ["Cors:AllowedOrigins:0"] = "https://spa.example.cn",
            ["Security:RevealsPerHour"] = "2",
        };

    [Test]
    public async Task Only_allow_listed_origins_may_call_with_credentials()
    {
        async Task<HttpResponseMessage> Preflight(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/organizations");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            return await Anonymous.SendAsync(request);
        }
        var allowed = await Preflight("https://spa.example.cn");
        var refused = await Preflight("https://evil.example.com");
        Assert.Multiple(() =>
        {
            Assert.That(
                allowed.Headers.GetValues("Access-Control-Allow-Origin").Single(),
                Is.EqualTo("https://spa.example.cn")
            );
            Assert.That(allowed.Headers.GetValues("Access-Control-Allow-Credentials").Single(), Is.EqualTo("true"));
            Assert.That(refused.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
        });
    }

    [Test]
    public async Task A_user_gets_at_most_the_configured_reveals_per_hour()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        scope
            .ServiceProvider.GetRequiredService<CallerAccessor>()
            .ActAs(
                new Caller(
                    CallerKind.User,
                    Guid.NewGuid(),
                    "member-manager",
                    new HashSet<string> { Permissions.MembersRevealPii },
                    null,
                    "127.0.0.1",
                    "test"
                )
            );
        var reveal = scope.ServiceProvider.GetRequiredService<PersonalDataReveal>();
        Task<string> Reveal() =>
            reveal.RevealAsync(
                Permissions.MembersRevealPii,
                "核对党员身份信息",
                "Member",
                "m-1",
                null,
                "phone",
                () => "13812345678",
                CancellationToken.None
            );
        await Reveal();
        await Reveal();
        Assert.ThrowsAsync<Jiceng.Infrastructure.Http.TooManyRequestsException>(Reveal);

        scope
            .ServiceProvider.GetRequiredService<CallerAccessor>()
            .ActAs(
                new Caller(
                    CallerKind.User,
                    Guid.NewGuid(),
                    "viewer",
                    new HashSet<string> { Permissions.MembersRead },
                    null,
                    null,
                    null
                )
            );
        Assert.ThrowsAsync<Jiceng.Infrastructure.Http.ForbiddenException>(Reveal);
    }

    [Test]
    public async Task A_write_through_an_api_key_is_audited_as_that_client()
    {
        var root = await CreateOrganization(Unique("对接根"), kind: "Committee");
        var created = await Json.Read(
            await Post(
                "/api/v1/api-clients",
                new
                {
                    name = "政务服务平台",
                    scopeOrganizationId = root.Id(),
                    permissions = new[] { "organizations.read", "organizations.write" },
                }
            ),
            HttpStatusCode.Created
        );
        using var system = Factory.CreateClient();
        system.DefaultRequestHeaders.Add("X-Api-Key", created.Str("apiKey"));
        var child = await Json.Read(
            await system.PostAsJsonAsync(
                "/api/v1/organizations",
                new NewOrganization("对接支部", root.Id(), "Branch", "Other")
            ),
            HttpStatusCode.Created
        );
        var rows = await Json.Read(
            await Get($"/api/v1/audit?entityType=Organization&entityId={child.Id()}"),
            HttpStatusCode.OK
        );
        var row = rows.GetProperty("items")[0];
        Assert.Multiple(() =>
        {
            Assert.That(row.Str("actorType"), Is.EqualTo("ApiClient"));
            Assert.That(row.Str("actorName"), Is.EqualTo("政务服务平台"));
            Assert.That(row.GetProperty("actorId").GetGuid(), Is.EqualTo(created.Id()));
        });
    }

    [Test]
    public async Task Revealing_personal_data_needs_the_permission_and_a_reason_and_is_audited()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var callers = scope.ServiceProvider.GetRequiredService<CallerAccessor>();
        callers.ActAsSystem();
        var reveal = scope.ServiceProvider.GetRequiredService<PersonalDataReveal>();
        var entityId = Guid.NewGuid().ToString();

        Assert.ThrowsAsync<FluentValidation.ValidationException>(() =>
            reveal.RevealAsync(
                Permissions.MembersRevealPii,
                "看",
                "Member",
                entityId,
                null,
                "idNumber",
                () => "11010519491231002X",
                CancellationToken.None
            )
        );
        var shown = await reveal.RevealAsync(
            Permissions.MembersRevealPii,
            "办理组织关系转接核对身份",
            "Member",
            entityId,
            null,
            "idNumber",
            () => "11010519491231002X",
            CancellationToken.None
        );

        var rows = await Json.Read(
            await Get($"/api/v1/audit?action=RevealPersonalData&entityId={entityId}"),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(shown, Is.EqualTo("11010519491231002X"));
            Assert.That(rows.GetProperty("total").GetInt64(), Is.EqualTo(1));
            Assert.That(
                rows.GetProperty("items")[0].Str("changes"),
                Does.Contain("办理组织关系转接核对身份").And.Not.Contain("1101051949")
            );
        });
    }

    private async Task<(Guid Id, string Username)> CreateUser(string role = "Viewer", Guid? scope = null)
    {
        var username = "user" + Guid.NewGuid().ToString("N")[..8];
        var user = await Json.Read(
            await Post("/api/v1/users", new NewUser(username, "测试", Password, [role], scope)),
            HttpStatusCode.Created
        );
        return (user.Id(), username);
    }

    private static Task<HttpResponseMessage> SignIn(HttpClient client, string username, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/sign-in", new { username, password });

    [Test]
    public async Task Five_wrong_passwords_lock_the_account_for_15_minutes()
    {
        var (_, username) = await CreateUser();
        using var client = Factory.CreateClient();
        for (var i = 0; i < 4; i++)
        {
            await Json.Problem(
                await SignIn(client, username, "wrong-password!"),
                HttpStatusCode.Unauthorized,
                code: "invalid_credentials"
            );
        }
        await Json.Problem(
            await SignIn(client, username, "wrong-password!"),
            HttpStatusCode.Unauthorized,
            code: "account_locked"
        );
        var locked = await Json.Problem(
            await SignIn(client, username, Password),
            HttpStatusCode.Unauthorized,
            code: "account_locked"
        );
        Assert.That(locked.TryGetProperty("lockedUntil", out _), Is.True);

        Clock.Set(ApiFactory.Start.AddMinutes(16));
        try
        {
            Assert.That(
                (await SignIn(client, username, Password)).StatusCode,
                Is.EqualTo(HttpStatusCode.NoContent),
                "the lock expires after 15 minutes"
            );
            var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
            Assert.That(me.Str("username"), Is.EqualTo(username));
        }
        finally
        {
            Clock.Set(ApiFactory.Start);
        }
    }

    [Test]
    public async Task Disabling_a_user_ends_their_session_on_the_next_request()
    {
        var (id, username) = await CreateUser();
        using var user = await SignedInClient(username, Password);
        Assert.That((await user.GetAsync("/api/v1/organizations")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var current = (await Client.GetFromJsonAsync<JsonElement>("/api/v1/users?pageSize=200"))
            .GetProperty("items")
            .EnumerateArray()
            .First(u => u.Id() == id);
        await Json.Read(
            await Put(
                $"/api/v1/users/{id}",
                new
                {
                    displayName = "停用",
                    roles = new[] { "Viewer" },
                    enabled = false,
                },
                $"\"{current.GetProperty("version").GetInt64()}\""
            ),
            HttpStatusCode.OK
        );

        Assert.That((await user.GetAsync("/api/v1/organizations")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        await Json.Problem(
            await SignIn(Factory.CreateClient(), username, Password),
            HttpStatusCode.Unauthorized,
            code: "invalid_credentials"
        );
    }

    [Test]
    public async Task Changing_the_password_ends_the_other_sessions_and_keeps_this_one()
    {
        var (_, username) = await CreateUser();
        using var here = await SignedInClient(username, Password);
        using var elsewhere = await SignedInClient(username, Password);
        var weak = await here.PostAsJsonAsync(
            "/api/v1/auth/change-password",
            new { currentPassword = Password, newPassword = "short" }
        );
        await Json.Problem(weak, HttpStatusCode.BadRequest, field: "newPassword");
        var wrong = await here.PostAsJsonAsync(
            "/api/v1/auth/change-password",
            new { currentPassword = "not-my-password", newPassword = "Another-Password-2" }
        );
        await Json.Problem(wrong, HttpStatusCode.BadRequest, field: "currentPassword");
        Assert.That(username, Has.Length.GreaterThanOrEqualTo(10), "so only the same-as-username rule can refuse it");
        var sameAsUsername = await here.PostAsJsonAsync(
            "/api/v1/auth/change-password",
            new { currentPassword = Password, newPassword = username.ToUpperInvariant() }
        );
        await Json.Problem(sameAsUsername, HttpStatusCode.BadRequest, field: "newPassword");

        var changed = await here.PostAsJsonAsync(
            "/api/v1/auth/change-password",
            new { currentPassword = Password, newPassword = "Another-Password-2" }
        );
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.Multiple(async () =>
        {
            Assert.That((await here.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(
                (await elsewhere.GetAsync("/api/v1/auth/me")).StatusCode,
                Is.EqualTo(HttpStatusCode.Unauthorized)
            );
        });
    }

    [Test]
    public async Task An_api_key_works_until_revoked_and_is_rate_limited_per_client()
    {
        var created = await Json.Read(
            await Post(
                "/api/v1/api-clients",
                new
                {
                    name = "财务系统",
                    permissions = new[] { "organizations.read" },
                    rateLimitPerMinute = 3,
                }
            ),
            HttpStatusCode.Created
        );
        var key = created.Str("apiKey");
        Assert.That(key, Does.StartWith("jc_" + created.Str("keyPrefix") + "_"));
        using var system = Factory.CreateClient();
        system.DefaultRequestHeaders.Add("X-Api-Key", key);

        // Writing needs organizations.write, which this client lacks (this request counts toward its limit too).
        await Json.Problem(
            await system.PostAsJsonAsync("/api/v1/organizations", new NewOrganization("x", null, "Branch", "Other")),
            HttpStatusCode.Forbidden
        );
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 3; i++)
        {
            var response = await system.GetAsync("/api/v1/organizations");
            statuses.Add(response.StatusCode);
            limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : limited;
        }
        Assert.That(statuses.Take(2), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(limited?.Headers.RetryAfter, Is.Not.Null, "the fourth request in a minute is 429 with Retry-After");

        var listed = await Client.GetFromJsonAsync<JsonElement>("/api/v1/api-clients?pageSize=200");
        var shown = listed.GetProperty("items").EnumerateArray().First(c => c.Id() == created.Id());
        Assert.That(shown.GetProperty("apiKey").ValueKind, Is.EqualTo(JsonValueKind.Null), "the key is shown once");
        Assert.That(shown.GetProperty("lastUsedAt").ValueKind, Is.Not.EqualTo(JsonValueKind.Null));

        Clock.Set(ApiFactory.Start.AddMinutes(2));
        try
        {
            await SignInAgain();
            Assert.That(
                (await Post($"/api/v1/api-clients/{created.Id()}/revoke", null)).StatusCode,
                Is.EqualTo(HttpStatusCode.NoContent)
            );
            Assert.That(
                (await system.GetAsync("/api/v1/organizations")).StatusCode,
                Is.EqualTo(HttpStatusCode.Unauthorized)
            );
            await Json.Problem(
                await Post($"/api/v1/api-clients/{created.Id()}/revoke", null),
                HttpStatusCode.Conflict,
                code: "api_client_revoked"
            );
        }
        finally
        {
            Clock.Set(ApiFactory.Start);
            await SignInAgain();
        }
        using var forged = Factory.CreateClient();
        forged.DefaultRequestHeaders.Add("X-Api-Key", "jc_aaaaaaaa_" + new string('x', 43));
        Assert.That(
            (await forged.GetAsync("/api/v1/organizations")).StatusCode,
            Is.EqualTo(HttpStatusCode.Unauthorized)
        );
    }

    [Test]
    public async Task Nobody_grants_a_role_a_permission_or_a_scope_beyond_their_own()
    {
        var region = await CreateOrganization(Unique("甲区委"), kind: "Committee", field: "Government");
        var other = await CreateOrganization(Unique("乙区委"), kind: "Committee", field: "Government");
        var (_, adminName) = await CreateUser("OrganizationAdmin", region.Id());
        using var regionAdmin = await SignedInClient(adminName, Password);

        async Task<HttpResponseMessage> Create(NewUser body) =>
            await regionAdmin.PostAsJsonAsync("/api/v1/users", body);
        await Json.Problem(
            await Create(new NewUser(Unique("x"), "x", Password, ["SystemAdmin"], region.Id())),
            HttpStatusCode.Conflict,
            code: "privilege_escalation"
        );
        await Json.Problem(
            await Create(new NewUser(Unique("x"), "x", Password, ["Auditor"], region.Id())),
            HttpStatusCode.Conflict,
            code: "privilege_escalation"
        );
        await Json.Problem(
            await Create(new NewUser(Unique("x"), "x", Password, ["Viewer"])),
            HttpStatusCode.Conflict,
            code: "privilege_escalation"
        );
        await Json.Problem(
            await Create(new NewUser(Unique("x"), "x", Password, ["Viewer"], other.Id())),
            HttpStatusCode.BadRequest,
            field: "scopeOrganizationId"
        );
        await Json.Problem(
            await regionAdmin.PostAsJsonAsync(
                "/api/v1/api-clients",
                new
                {
                    name = "x",
                    scopeOrganizationId = region.Id(),
                    permissions = new[] { "audit.read" },
                }
            ),
            HttpStatusCode.Conflict,
            code: "privilege_escalation"
        );
        var allowed = await Create(new NewUser(Unique("x"), "x", Password, ["Viewer"], region.Id()));
        Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        // The region admin's own scope is the region: creating a new top-level region is refused.
        await Json.Problem(
            await regionAdmin.PostAsJsonAsync(
                "/api/v1/organizations",
                new NewOrganization("新区", null, "Committee", "Government")
            ),
            HttpStatusCode.BadRequest,
            field: "parentId"
        );
        await Json.Problem(await regionAdmin.GetAsync($"/api/v1/organizations/{other.Id()}"), HttpStatusCode.NotFound);
        var visible = await regionAdmin.GetFromJsonAsync<JsonElement>("/api/v1/organizations?pageSize=200");
        Assert.That(
            visible.GetProperty("items").EnumerateArray().Select(o => o.Id()),
            Does.Contain(region.Id()).And.Not.Contain(other.Id())
        );
    }

    [Test]
    public async Task Nobody_changes_a_more_powerful_account_or_a_coalition_reaching_beyond_their_scope()
    {
        var region = await CreateOrganization(Unique("丙区委"), kind: "Committee", field: "Government");
        var other = await CreateOrganization(Unique("丁区委"), kind: "Committee", field: "Government");
        var (_, adminName) = await CreateUser("OrganizationAdmin", region.Id());
        var (auditorId, _) = await CreateUser("Auditor", region.Id());
        using var regionAdmin = await SignedInClient(adminName, Password);

        var auditor = (await Client.GetFromJsonAsync<JsonElement>("/api/v1/users?pageSize=200"))
            .GetProperty("items")
            .EnumerateArray()
            .First(u => u.Id() == auditorId);
        var disable = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/users/{auditorId}")
        {
            Content = JsonContent.Create(
                new
                {
                    displayName = "x",
                    roles = new[] { "Viewer" },
                    scopeOrganizationId = region.Id(),
                    enabled = false,
                }
            ),
        };
        disable.Headers.TryAddWithoutValidation("If-Match", $"\"{auditor.GetProperty("version").GetInt64()}\"");
        await Json.Problem(await regionAdmin.SendAsync(disable), HttpStatusCode.Conflict, code: "privilege_escalation");

        var inRegion = await CreateOrganization("丙区支部", region.Id());
        var coalition = await Json.Read(
            await Post(
                "/api/v1/coalitions",
                new { name = Unique("跨区联合体"), memberOrganizationIds = new[] { region.Id(), other.Id() } }
            ),
            HttpStatusCode.Created
        );
        var rename = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/coalitions/{coalition.Id()}")
        {
            Content = JsonContent.Create(
                new { name = Unique("改名"), memberOrganizationIds = new[] { region.Id(), inRegion.Id() } }
            ),
        };
        rename.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await Json.Problem(
            await regionAdmin.SendAsync(rename),
            HttpStatusCode.Conflict,
            code: "coalition_beyond_scope"
        );
        var (after, _) = await GetWithETag($"/api/v1/coalitions/{coalition.Id()}");
        Assert.That(after.GetProperty("members").GetArrayLength(), Is.EqualTo(2), "no member was dropped");
    }

    [Test]
    public async Task Idempotency_keys_belong_to_one_caller_even_when_two_clients_share_a_name()
    {
        var root = await CreateOrganization(Unique("同名根"), kind: "Committee");
        async Task<HttpClient> Client(string name)
        {
            var created = await Json.Read(
                await Post(
                    "/api/v1/api-clients",
                    new { name, permissions = new[] { "organizations.read", "organizations.write" } }
                ),
                HttpStatusCode.Created
            );
            var client = Factory.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", created.Str("apiKey"));
            return client;
        }
        using var first = await Client("同名系统");
        using var second = await Client("同名系统");
        async Task<HttpResponseMessage> Create(HttpClient client, string name)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/organizations")
            {
                Content = JsonContent.Create(new NewOrganization(name, root.Id(), "Branch", "Other")),
            };
            request.Headers.Add("Idempotency-Key", "same-key-for-both");
            return await client.SendAsync(request);
        }
        var a = await Json.Read(await Create(first, "甲系统建"), HttpStatusCode.Created);
        var b = await Json.Read(await Create(second, "乙系统建"), HttpStatusCode.Created);
        Assert.That(b.Id(), Is.Not.EqualTo(a.Id()));
    }

    [Test]
    public async Task Every_write_leaves_one_audit_row_in_its_transaction_and_a_refused_write_leaves_none()
    {
        var root = await CreateOrganization(Unique("审计根"), kind: "Committee");
        var child = await CreateOrganization("审计支部", root.Id());
        await Json.Read(
            await Put(
                $"/api/v1/organizations/{child.Id()}",
                new
                {
                    name = "审计支部（改）",
                    kind = "Branch",
                    field = "UrbanCommunity",
                },
                "\"1\""
            ),
            HttpStatusCode.OK
        );
        await Json.Problem(
            await Post($"/api/v1/organizations/{root.Id()}/move", new { newParentId = child.Id() }, ifMatch: "\"1\""),
            HttpStatusCode.Conflict
        );

        var forChild = await Json.Read(
            await Get($"/api/v1/audit?entityType=Organization&entityId={child.Id()}"),
            HttpStatusCode.OK
        );
        var forRoot = await Json.Read(
            await Get($"/api/v1/audit?entityType=Organization&entityId={root.Id()}"),
            HttpStatusCode.OK
        );
        var actions = forChild.GetProperty("items").EnumerateArray().Select(r => r.Str("action")).ToList();
        var update = forChild.GetProperty("items").EnumerateArray().First(r => r.Str("action") == "UpdateOrganization");
        var changes = JsonDocument.Parse(update.Str("changes")).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(actions, Is.EquivalentTo(new[] { "CreateOrganization", "UpdateOrganization" }));
            Assert.That(update.Str("actorName"), Is.EqualTo("admin"));
            Assert.That(update.Str("actorType"), Is.EqualTo("User"));
            Assert.That(update.Str("requestId"), Is.Not.Empty);
            Assert.That(changes.GetProperty("name").GetProperty("after").GetString(), Is.EqualTo("审计支部（改）"));
            Assert.That(
                forRoot.GetProperty("items").EnumerateArray().Select(r => r.Str("action")),
                Is.EqualTo(new[] { "CreateOrganization" }),
                "the refused move left no row"
            );
        });

        var withinRoot = await Json.Read(
            await Get($"/api/v1/audit?within={root.Id()}&pageSize=200"),
            HttpStatusCode.OK
        );
        Assert.That(withinRoot.GetProperty("total").GetInt64(), Is.EqualTo(3));
    }

    [Test]
    public async Task Sign_ins_are_audited_and_passwords_never_reach_the_logs()
    {
        var (id, username) = await CreateUser();
        await SignIn(Factory.CreateClient(), username, "a-wrong-secret-guess");
        await SignIn(Factory.CreateClient(), username, Password);
        var rows = await Json.Read(
            await Get($"/api/v1/audit?entityType=User&entityId={id}&pageSize=50"),
            HttpStatusCode.OK
        );
        var actions = rows.GetProperty("items").EnumerateArray().Select(r => r.Str("action")).ToList();
        Assert.That(actions, Does.Contain("SignIn").And.Contain("SignInFailed").And.Contain("CreateUser"));
        var createRow = rows.GetProperty("items").EnumerateArray().First(r => r.Str("action") == "CreateUser");
        Assert.That(createRow.Str("changes"), Does.Not.Contain(Password).And.Contain("***"));

        var everything = string.Join("\n", Factory.Logs.Entries);
        Assert.That(
            everything,
            Does.Not.Contain(Password).And.Not.Contain("a-wrong-secret-guess").And.Not.Contain(ApiFactory.AdminPassword)
        );
    }

    [Test]
    public async Task Responses_carry_the_security_headers()
    {
        var response = await Anonymous.GetAsync("/health/live");
        Assert.Multiple(() =>
        {
            Assert.That(
                response.Headers.GetValues("Content-Security-Policy").Single(),
                Does.Contain("frame-ancestors 'none'").And.Contain("default-src 'self'")
            );
            Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
            Assert.That(response.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
            Assert.That(response.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"));
        });
    }

    [Test]
    public async Task The_session_cookie_is_http_only_and_same_site_strict()
    {
        var (_, username) = await CreateUser();
        var response = await SignIn(Factory.CreateClient(), username, Password);
        var cookie = response
            .Headers.GetValues("Set-Cookie")
            .Single(c =>
                c.StartsWith(Jiceng.Infrastructure.Security.AuthenticationSchemes.CookieName, StringComparison.Ordinal)
            );
        Assert.That(cookie, Does.Contain("httponly").IgnoreCase.And.Contain("samesite=strict").IgnoreCase);
    }

    [Test]
    public void Every_endpoint_declares_a_permission_or_says_it_is_open()
    {
        var endpoints = Factory
            .Services.GetRequiredService<EndpointDataSource>()
            .Endpoints.OfType<RouteEndpoint>()
            .ToList();
        var undeclared = endpoints
            .Where(e =>
                e.Metadata.GetMetadata<RequiredPermission>() is null
                && e.Metadata.GetMetadata<SignedInEndpoint>() is null
                && e.Metadata.GetMetadata<PublicEndpoint>() is null
            )
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.That(endpoints, Has.Count.GreaterThan(40));
        Assert.That(undeclared, Is.Empty);
    }
}
