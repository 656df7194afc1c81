using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Support;

/// <summary>
/// Base of the HTTP tests: one API and one fresh database per fixture and provider. Tests in a fixture
/// share the database, so each builds its own part of the tree.
/// </summary>
public abstract class ApiTest(DatabaseProvider provider)
{
    private TestDatabase? _database;

    protected ApiFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    protected DatabaseProvider Provider => provider;

    /// <summary>The fixture's database, for a second API instance on it.</summary>
    protected TestDatabase Database => _database!;

    protected TestClock Clock => Factory.Clock;

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Services a fixture replaces in the API (after the API's own registrations).</summary>
    protected virtual void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services) { }

    /// <summary>
    /// True for a fixture that reads the whole demo as scripts/run.sh seeds it: its database is then a copy of the
    /// demo seeded once per run (<see cref="SeededDemo"/>), and the API starts on it with the demo on.
    /// </summary>
    protected virtual bool StartsOnTheDemo => false;

    [OneTimeSetUp]
    public async Task StartApi()
    {
        IReadOnlyDictionary<string, string?> demoSettings = new Dictionary<string, string?>();
        if (StartsOnTheDemo)
        {
            (_database, demoSettings) = await SeededDemo.CopyAsync(provider);
        }
        else
        {
            _database = await TestDatabase.CreateMigratedAsync(provider);
        }
        // A fixture's own settings may name its database (read only now that it exists), and they win.
        var settings = demoSettings.Concat(Settings).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        Factory = new ApiFactory(_database, settings, ConfigureServices);
        Anonymous = Factory.CreateClient();
        Client = await SignedInClient("admin", ApiFactory.AdminPassword);
    }

    /// <summary>After moving the clock past the session's 8 hours, the admin signs in again.</summary>
    protected async Task SignInAgain()
    {
        Client.Dispose();
        Client = await SignedInClient("admin", ApiFactory.AdminPassword);
    }

    /// <summary>A client with no session.</summary>
    protected HttpClient Anonymous { get; private set; } = null!;

    /// <summary>A new client (its own cookie jar) signed in as the given user.</summary>
    protected async Task<HttpClient> SignedInClient(string username, string password)
    {
        var client = Factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { username, password });
        Assert.That(
            response.StatusCode,
            Is.EqualTo(HttpStatusCode.NoContent),
            await response.Content.ReadAsStringAsync()
        );
        return client;
    }

    [SetUp]
    public void ShowThisFixturesServerLog() => Json.ServerLogs = Factory.Logs;

    [OneTimeTearDown]
    public async Task StopApi()
    {
        Client?.Dispose();
        Anonymous?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected static string Unique(string name) => name + "-" + Guid.NewGuid().ToString("N")[..6];

    /// <summary>One value read straight from the test database: a fixture's own check of what the API wrote.
    /// </summary>
    protected async Task<T> Scalar<T>(string sql, object? values)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<DbSession>().ExecuteScalarAsync<T>(sql, values))!;
    }

    protected Task<HttpResponseMessage> Get(string url, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }
        return Client.SendAsync(request);
    }

    protected Task<HttpResponseMessage> Post(
        string url,
        object? body,
        string? ifMatch = null,
        string? idempotencyKey = null,
        string? language = null
    ) =>
        Send(
            HttpMethod.Post,
            url,
            body is null ? null : JsonSerializer.Serialize(body, Json.Options),
            ifMatch,
            idempotencyKey,
            language
        );

    protected Task<HttpResponseMessage> Put(string url, object? body, string? ifMatch, string? language = null) =>
        Send(
            HttpMethod.Put,
            url,
            body is null ? null : JsonSerializer.Serialize(body, Json.Options),
            ifMatch,
            null,
            language
        );

    protected Task<HttpResponseMessage> Delete(string url, string? ifMatch) =>
        Send(HttpMethod.Delete, url, null, ifMatch, null, null);

    protected Task<HttpResponseMessage> SendRaw(
        HttpMethod method,
        string url,
        string? rawJson,
        string? ifMatch = null
    ) => Send(method, url, rawJson, ifMatch, null, null);

    private Task<HttpResponseMessage> Send(
        HttpMethod method,
        string url,
        string? json,
        string? ifMatch,
        string? idempotencyKey,
        string? language
    )
    {
        var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        if (language is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }
        return Client.SendAsync(request);
    }

    /// <summary>Creates an organization through the API and returns its JSON.</summary>
    protected async Task<JsonElement> CreateOrganization(
        string name,
        Guid? parentId = null,
        string kind = "Branch",
        string field = "UrbanCommunity",
        string? termStartedOn = null
    ) => await CreateOrganization(new NewOrganization(name, parentId, kind, field) { TermStartedOn = termStartedOn });

    /// <summary>Creates an organization through the API and returns its JSON.</summary>
    protected async Task<JsonElement> CreateOrganization(NewOrganization organization) =>
        await Json.Read(await Post("/api/v1/organizations", organization), HttpStatusCode.Created);

    /// <summary>Registers a member through the API and returns the new record's id.</summary>
    protected async Task<Guid> RegisterMember(NewMember member) =>
        (await Json.Read(await Post("/api/v1/members", member), HttpStatusCode.Created)).Id();

    protected async Task<(JsonElement Body, string ETag)> GetWithETag(string url)
    {
        var response = await Get(url);
        var body = await Json.Read(response, HttpStatusCode.OK);
        return (body, response.Headers.ETag!.Tag);
    }
}

public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The running fixture's captured server log, shown when a request unexpectedly fails with 500.</summary>
    internal static CapturedLogs? ServerLogs { get; set; }

    /// <summary>Asserts the status (showing the body, and for a 500 the
    /// server's errors, when it differs) and returns the parsed body.</summary>
    public static async Task<JsonElement> Read(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        var serverErrors =
            response.StatusCode == HttpStatusCode.InternalServerError && ServerLogs is not null
                ? "\nServer log:\n"
                    + string.Join(
                        "\n",
                        ServerLogs.Entries.Where(e => e.StartsWith("Error", StringComparison.Ordinal)).TakeLast(3)
                    )
                : "";
        Assert.That(
            response.StatusCode,
            Is.EqualTo(expected),
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered: {text}{serverErrors}"
        );
        return string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    /// <summary>
    /// Asserts an RFC 9457 problem: the status, content type, the title and requestId every problem carries,
    /// and optionally the business-rule code or the field an error is keyed on.
    /// </summary>
    public static async Task<JsonElement> Problem(
        HttpResponseMessage response,
        HttpStatusCode status,
        string? code = null,
        string? field = null
    )
    {
        var problem = await Read(response, status);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
            Assert.That(problem.GetProperty("title").GetString(), Is.Not.Empty);
            Assert.That(problem.TryGetProperty("requestId", out _), Is.True, "requestId");
        });
        if (code is not null)
        {
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo(code));
        }
        if (field is not null)
        {
            var errors = problem.GetProperty("errors");
            Assert.That(
                errors.TryGetProperty(field, out var messages),
                Is.True,
                $"errors should name '{field}': {errors}"
            );
            Assert.That(messages.GetArrayLength(), Is.GreaterThan(0));
        }
        return problem;
    }
}
