using System.Data.Common;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jiceng.Tests.Migrations;

/// <summary>
/// Branches recorded before <c>has_committee</c> existed keep the reading the warnings gave them: a recorded term
/// meant a committee. Other kinds are not branches and are left alone.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class BranchCommitteeMigrationTests(DatabaseProvider provider)
{
    [Test]
    public async Task A_branch_with_a_recorded_term_is_read_as_having_a_committee()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var options = new DatabaseOptions { Provider = provider, ConnectionString = database.ConnectionString };
        Migrator.MigrateUp(options, 202612010040);
        await using DbConnection connection =
            provider == DatabaseProvider.Sqlite
                ? new SqliteConnection(database.ConnectionString)
                : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var rows = new[]
        {
            (Id: Guid.CreateVersion7(), Kind: "Branch", Term: (string?)"2024-01-01", Path: "00001"),
            (Id: Guid.CreateVersion7(), Kind: "Branch", Term: (string?)null, Path: "00002"),
            (Id: Guid.CreateVersion7(), Kind: "Committee", Term: (string?)"2024-01-01", Path: "00003"),
        };
        foreach (var row in rows)
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO organizations (id, parent_id, path, depth, child_seq, region_root_id, name, kind, field,
                    term_started_on, status, created_at, updated_at, version)
                VALUES (@id, NULL, @path, 0, 0, @id, '迁移测试', @kind, 'Village', @term, 'Active', @now, @now, 1)
                """;
            Add(insert, "@id", provider == DatabaseProvider.Sqlite ? row.Id.ToString() : row.Id);
            Add(insert, "@path", row.Path);
            Add(insert, "@kind", row.Kind);
            Add(
                insert,
                "@term",
                row.Term is null ? null
                    : provider == DatabaseProvider.Sqlite ? row.Term
                    : DateTime.Parse(row.Term, System.Globalization.CultureInfo.InvariantCulture)
            );
            Add(insert, "@now", provider == DatabaseProvider.Sqlite ? "2026-06-15T00:00:00.0000000Z" : DateTime.UtcNow);
            await insert.ExecuteNonQueryAsync();
        }

        Migrator.MigrateUp(options);

        var read = new List<bool>();
        foreach (var row in rows)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = "SELECT has_committee FROM organizations WHERE path = @path";
            Add(select, "@path", row.Path);
            read.Add(
                Convert.ToBoolean(await select.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)
            );
        }
        Assert.That(read, Is.EqualTo(new[] { true, false, false }));
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
