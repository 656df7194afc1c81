using System.Net;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Jiceng.Tests.Http;

/// <summary>
/// The database goes away under a running API and comes back. On PostgreSQL the test's own database stops
/// taking connections and its sessions are ended (the shared server keeps running); on SQLite the folder of
/// the database file disappears.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class DatabaseOutageTests(DatabaseProvider provider) : ApiTest(provider)
{
    [Test]
    public async Task While_the_database_is_unreachable_calls_answer_503_with_retry_after_and_recover_unrestarted()
    {
        var root = await CreateOrganization(Unique("停机演练"), kind: "Committee");
        var apiClient = new
        {
            name = Unique("停机演练系统"),
            scopeOrganizationId = root.Id(),
            permissions = new[] { "organizations.read" },
        };
        var created = await Json.Read(await Post("/api/v1/api-clients", apiClient), HttpStatusCode.Created);
        using var system = Factory.CreateClient();
        system.DefaultRequestHeaders.Add("X-Api-Key", created.Str("apiKey"));
        await Json.Read(await system.GetAsync("/api/v1/organizations"), HttpStatusCode.OK);

        var outage = await Outage.BeginAsync(Factory.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value);
        try
        {
            foreach (var (caller, name) in new[] { (Client, "session cookie"), (system, "API key") })
            {
                var response = await caller.GetAsync("/api/v1/organizations");
                var problem = await Json.Problem(response, HttpStatusCode.ServiceUnavailable);
                Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero), name);
                Assert.That(problem.ToString(), Does.Not.Contain("Exception").And.Not.Contain("5432"), "no internals");
            }
            var ready = await Client.GetAsync("/health/ready");
            Assert.Multiple(() =>
            {
                Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "ready, with a cookie");
                Assert.That(ready.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
            });
            var readyToSystem = await system.GetAsync("/health/ready");
            Assert.That(readyToSystem.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "with an API key");
            var live = await Client.GetAsync("/health/live");
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK), "alive all the same");
        }
        finally
        {
            await outage.EndAsync();
        }

        // Connections the outage broke may still be handed out once each; then the same process serves again.
        HttpStatusCode status = default;
        for (var attempt = 0; attempt < 40 && status != HttpStatusCode.OK; attempt++)
        {
            status = (await Client.GetAsync("/api/v1/organizations")).StatusCode;
            Assert.That(status, Is.AnyOf(HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable));
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(250);
            }
        }
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), "the session cookie works again");
        await Json.Read(await system.GetAsync("/api/v1/organizations"), HttpStatusCode.OK);
        Assert.That((await Client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private sealed class Outage
    {
        private readonly Func<Task> _end;

        private Outage(Func<Task> end) => _end = end;

        public Task EndAsync() => _end();

        public static async Task<Outage> BeginAsync(DatabaseOptions database)
        {
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
                var folder = Path.GetDirectoryName(file)!;
                var away = folder + "-away";
                Directory.Move(folder, away);
                // Pooled connections keep their open file; a real loss of the file also ends those.
                SqliteConnection.ClearAllPools();
                return new Outage(() =>
                {
                    Directory.Move(away, folder);
                    return Task.CompletedTask;
                });
            }
            var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!;
            await Admin($"ALTER DATABASE {name} ALLOW_CONNECTIONS false");
            await Admin(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + $"WHERE datname = '{name}' AND pid <> pg_backend_pid()"
            );
            return new Outage(() => Admin($"ALTER DATABASE {name} ALLOW_CONNECTIONS true"));
        }

        private static async Task Admin(string sql)
        {
            var admin = Environment.GetEnvironmentVariable(TestDatabases.PostgresVariable);
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
