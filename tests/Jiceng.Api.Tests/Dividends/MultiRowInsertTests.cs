using System.Data;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Jiceng.Tests.Dividends;

/// The multi-row INSERT that saves a plan's lines: every row arrives once, in order, with its nulls and types, across
/// full batches and the power-of-two pieces of the rest; and no engine's parameter limit is passed.
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class MultiRowInsertTests(DatabaseProvider provider) : ApiTest(provider)
{
    [TestCase(DatabaseProvider.Sqlite, 32_766)]
    [TestCase(DatabaseProvider.Postgres, 65_535)]
    [TestCase(DatabaseProvider.SqlServer, 2_100)]
    public void A_statement_stays_under_the_engine_parameter_limit(DatabaseProvider engine, int limit)
    {
        foreach (var columns in new[] { 1, 4, 14, 40, 300 })
        {
            var rows = MultiRowInsert.RowsPerStatement(engine, columns);
            Assert.That(rows * columns, Is.LessThan(limit), $"{columns} columns");
            Assert.That(rows, Is.InRange(1, 1000));
        }
    }

    [Test]
    public async Task Every_row_is_written_once_with_its_values_and_nulls()
    {
        var table = "probe_" + Guid.NewGuid().ToString("N")[..12];
        var idType = Provider == DatabaseProvider.Postgres ? "uuid" : "TEXT";
        const int count = 1_300; // 2 × 512, then 256 + 16 + 4
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        await db.ExecuteAsync(
            $"CREATE TABLE {table} (id {idType} NOT NULL, n INTEGER NOT NULL, label VARCHAR(40), fen BIGINT NOT NULL)"
        );
        await db.BeginAsync(CancellationToken.None);
        await db.InsertRowsAsync(
            table,
            ["id", "n", "label", "fen"],
            [DbType.Guid, DbType.Int32, DbType.String, DbType.Int64],
            ids.Select((id, n) => new object?[] { id, n, n % 7 == 0 ? null : "第" + n + "行", 10_000_000_000L + n }),
            CancellationToken.None
        );
        await db.CommitAsync(CancellationToken.None);

        var back = await db.QueryAsync<Row>($"SELECT id, n, label, fen FROM {table} ORDER BY n");
        Assert.That(back, Has.Count.EqualTo(count));
        for (var n = 0; n < count; n++)
        {
            Assert.That(back[n].Id, Is.EqualTo(ids[n]));
            Assert.That(back[n].N, Is.EqualTo(n));
            Assert.That(back[n].Label, Is.EqualTo(n % 7 == 0 ? null : "第" + n + "行"));
            Assert.That(back[n].Fen, Is.EqualTo(10_000_000_000L + n));
        }
    }

    private sealed class Row
    {
        public Guid Id { get; init; }
        public long N { get; init; }
        public string? Label { get; init; }
        public long Fen { get; init; }
    }
}
