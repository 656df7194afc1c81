using System.Net;
using System.Text;
using Dapper;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Http;

/// <summary>Idempotency-Key: bodies compared in a canonical form, refused
/// where no replay is kept, and reservations of dead requests.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class IdempotencyTests(DatabaseProvider provider) : ApiTest(provider)
{
    // A reservation as a request killed mid-way leaves it: no status, no answer.
    private const string InsertReservationSql = """
        INSERT INTO idempotency_keys (scope_key, request_hash, status_code, created_at, expires_at, reserved_by)
        VALUES (@scopeKey, @requestHash, NULL, @createdAt, @expiresAt, @reservedBy)
        """;

    [Test]
    public async Task The_same_json_with_other_key_order_and_spacing_is_a_replay_not_a_422()
    {
        var root = await CreateOrganization(Unique("鸡西市委"), kind: "Committee", field: "Government");
        var key = Guid.NewGuid().ToString();
        var first = await SendJson(
            $$"""{"parentId":"{{root.Id()}}","name":"重试党支部","kind":"Branch","field":"Village"}""",
            key
        );
        var created = await Json.Read(first, HttpStatusCode.Created);
        var reordered = await SendJson(
            $$"""
            {
              "field" : "Village",
              "kind": "Branch",   "name": "\u91cd\u8bd5\u515a\u652f\u90e8",
              "parentId": "{{root.Id()}}"
            }
            """,
            key
        );
        var replayed = await Json.Read(reordered, HttpStatusCode.Created);
        var other = await SendJson(
            $$"""{"parentId":"{{root.Id()}}","name":"另一个","kind":"Branch","field":"Village"}""",
            key
        );
        var children = await Json.Read(await Get($"/api/v1/organizations/{root.Id()}/children"), HttpStatusCode.OK);

        await Json.Problem(other, HttpStatusCode.UnprocessableEntity, code: "idempotency_key_reused");
        Assert.Multiple(() =>
        {
            Assert.That(replayed.Id(), Is.EqualTo(created.Id()));
            Assert.That(reordered.Headers.GetValues("Idempotent-Replayed").Single(), Is.EqualTo("true"));
            Assert.That(children.GetProperty("total").GetInt64(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Creating_an_api_client_with_an_idempotency_key_is_400_and_creates_nothing()
    {
        var name = Unique("对接系统");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/api-clients")
        {
            Content = new StringContent(
                $$"""{"name":"{{name}}","permissions":["organizations.read"]}""",
                Encoding.UTF8,
                "application/json"
            ),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        await Json.Problem(await Client.SendAsync(request), HttpStatusCode.BadRequest, field: "Idempotency-Key");
        var clients = await (await Get("/api/v1/api-clients?pageSize=200")).Content.ReadAsStringAsync();
        Assert.That(clients, Does.Not.Contain(name));
    }

    [Test]
    public async Task A_reservation_older_than_the_request_time_limit_is_taken_over_by_the_retry()
    {
        var root = await CreateOrganization(Unique("虎林市委"), kind: "Committee", field: "Government");
        var key = Guid.NewGuid().ToString();
        var body = $$"""{"parentId":"{{root.Id()}}","name":"中断后重试","kind":"Branch","field":"Village"}""";
        // A live owner (this very process) whose request was killed: only the clock can free it.
        await Reserve(
            key,
            body,
            IdempotencyMiddleware.ProcessOwner + "|" + Guid.NewGuid().ToString("N"),
            ApiFactory.Start
        );

        await Json.Problem(await SendJson(body, key), HttpStatusCode.Conflict, code: "idempotency_request_in_progress");
        Clock.Set(ApiFactory.Start.AddSeconds(119));
        await Json.Problem(await SendJson(body, key), HttpStatusCode.Conflict, code: "idempotency_request_in_progress");
        Clock.Set(ApiFactory.Start.AddSeconds(121));
        try
        {
            // Parallel retries: one takes the reservation over; the others wait (409) or get its answer again.
            var retries = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SendJson(body, key)));
            var statuses = retries.Select(r => (int)r.StatusCode).ToList();
            var children = await Json.Read(await Get($"/api/v1/organizations/{root.Id()}/children"), HttpStatusCode.OK);
            Assert.Multiple(() =>
            {
                Assert.That(statuses, Has.Some.EqualTo(201));
                Assert.That(statuses, Is.All.AnyOf(201, 409), string.Join(",", statuses));
                Assert.That(
                    retries.Count(r =>
                        r.StatusCode == HttpStatusCode.Created && !r.Headers.Contains("Idempotent-Replayed")
                    ),
                    Is.EqualTo(1)
                );
                Assert.That(children.GetProperty("total").GetInt64(), Is.EqualTo(1));
            });
            var replay = await SendJson(body, key);
            await Json.Read(replay, HttpStatusCode.Created);
            Assert.That(replay.Headers.GetValues("Idempotent-Replayed").Single(), Is.EqualTo("true"));
        }
        finally
        {
            Clock.Set(ApiFactory.Start);
        }
    }

    [Test]
    public async Task A_reservation_whose_process_is_gone_is_taken_over_at_once()
    {
        var root = await CreateOrganization(Unique("密山市委"), kind: "Committee", field: "Government");
        var key = Guid.NewGuid().ToString();
        // The same host, a process id that is not running: the server that made it was restarted.
        var dead = $"{Environment.MachineName}|{int.MaxValue - 7}|{DateTime.UtcNow.Ticks}|{Guid.NewGuid():N}";
        var body = $$"""{"parentId":"{{root.Id()}}","name":"重启后重试","kind":"Branch","field":"Village"}""";
        await Reserve(key, body, dead, ApiFactory.Start);

        var retry = await SendJson(body, key);

        await Json.Read(retry, HttpStatusCode.Created);
        Assert.That(retry.Headers.Contains("Idempotent-Replayed"), Is.False);
    }

    [Test]
    public async Task A_reservation_of_another_host_is_not_taken_over_before_the_time_limit()
    {
        var root = await CreateOrganization(Unique("鸡东县委"), kind: "Committee", field: "Government");
        var key = Guid.NewGuid().ToString();
        var body = $$"""{"parentId":"{{root.Id()}}","name":"别处在办","kind":"Branch","field":"Village"}""";
        await Reserve(key, body, $"another-host|1|1|{Guid.NewGuid():N}", ApiFactory.Start);

        var retry = await SendJson(body, key);

        await Json.Problem(retry, HttpStatusCode.Conflict, code: "idempotency_request_in_progress");
    }

    private async Task Reserve(string key, string body, string owner, DateTimeOffset createdAt)
    {
        var me = await Json.Read(await Get("/api/v1/auth/me"), HttpStatusCode.OK);
        var scopeKey = IdempotencyMiddleware.ScopeKey("User:" + me.Id(), "POST", "/api/v1/organizations", key);
        await using var connection = await Factory
            .Services.GetRequiredService<DbConnectionFactory>()
            .OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            InsertReservationSql,
            new
            {
                scopeKey,
                requestHash = IdempotencyMiddleware.RequestHash(Encoding.UTF8.GetBytes(body), "application/json"),
                createdAt,
                expiresAt = createdAt + IdempotencyMiddleware.Lifetime,
                reservedBy = owner,
            }
        );
    }

    private Task<HttpResponseMessage> SendJson(string json, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/organizations")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        return Client.SendAsync(request);
    }
}
