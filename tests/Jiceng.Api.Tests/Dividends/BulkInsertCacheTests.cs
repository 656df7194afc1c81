using System.Data;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Dividends;

/// The SQLite bulk insert widens the connection's page cache for its rows only: inside the caller's transaction, and
/// the pooled connection's own cache size is back when it is done (or when a row fails).
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class BulkInsertCacheTests(DatabaseProvider provider) : ApiTest(provider)
{
    [Test]
    public async Task The_connection_keeps_its_cache_size_and_the_rows_commit_with_the_transaction()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            Assert.Ignore("The page cache setting is SQLite's.");
        }
        var table = "probe_" + Guid.NewGuid().ToString("N")[..12];
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        await db.ExecuteAsync($"CREATE TABLE {table} (n INTEGER NOT NULL PRIMARY KEY)");
        await db.BeginAsync(CancellationToken.None);
        var before = await db.ExecuteScalarAsync<long>("PRAGMA cache_size");
        await db.InsertRowsAsync(
            table,
            ["n"],
            [DbType.Int32],
            Enumerable.Range(0, 5_000).Select(n => new object?[] { n }),
            CancellationToken.None
        );
        var after = await db.ExecuteScalarAsync<long>("PRAGMA cache_size");
        // A duplicate key fails the insert half-way: the setting still comes back.
        Assert.That(
            async () =>
                await db.InsertRowsAsync(
                    table,
                    ["n"],
                    [DbType.Int32],
                    [
                        [5_000],
                        [0],
                    ],
                    CancellationToken.None
                ),
            Throws.Exception
        );
        var afterFailure = await db.ExecuteScalarAsync<long>("PRAGMA cache_size");
        await db.RollbackAsync();
        var rows = await db.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
        Assert.Multiple(() =>
        {
            Assert.That(after, Is.EqualTo(before));
            Assert.That(afterFailure, Is.EqualTo(before));
            Assert.That(rows, Is.Zero, "rolled back with the caller's transaction");
        });
    }
}
