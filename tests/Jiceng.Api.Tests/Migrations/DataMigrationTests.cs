using System.Data.Common;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jiceng.Tests.Migrations;

/// <summary>Migrations that move existing data, run against a database holding rows written before them.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class DataMigrationTests(DatabaseProvider provider)
{
    private object Id(Guid id) => provider == DatabaseProvider.Sqlite ? id.ToString() : id;

    private object Day(string day) =>
        provider == DatabaseProvider.Sqlite
            ? day
            : DateTime.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

    private object Now() => provider == DatabaseProvider.Sqlite ? "2026-06-15T00:00:00.0000000Z" : DateTime.UtcNow;

    private static async Task Execute(
        DbConnection connection,
        string sql,
        params (string Name, object? Value)[] parameters
    )
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        await command.ExecuteNonQueryAsync();
    }

    [Test]
    public async Task Talks_given_at_registration_before_the_talk_column_existed_are_copied_onto_the_record()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var options = new DatabaseOptions { Provider = provider, ConnectionString = database.ConnectionString };
        Migrator.MigrateUp(options, 202611290011);

        var organization = Guid.CreateVersion7();
        var talked = Guid.CreateVersion7();
        var notYet = Guid.CreateVersion7();
        await using DbConnection connection =
            provider == DatabaseProvider.Sqlite
                ? new SqliteConnection(database.ConnectionString)
                : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await Execute(
            connection,
            """
            INSERT INTO organizations (id, parent_id, path, depth, child_seq, region_root_id, name, kind, field, status,
                created_at, updated_at, version)
            VALUES (@id, NULL, '00001', 0, 0, @id, '迁移测试党支部', 'Branch', 'Village', 'Active', @now, @now, 1)
            """,
            ("@id", Id(organization)),
            ("@now", Now())
        );
        foreach (
            var (member, details) in new[] { (talked, """{"talkOn":"2026-01-20"}"""), (notYet, """{"talkOn":null}""") }
        )
        {
            await Execute(
                connection,
                """
                INSERT INTO members (id, org_id, org_path, name, gender, birth_date, id_number_cipher, id_number_index,
                    id_number_masked, category, stage, status,
                    applied_on, created_at, updated_at, version)
                VALUES (@id, @org, '00001', '申请人', 'Male', @birth, 'x', @index, '230302********0011', 'Farmer',
                    'Applicant', 'Active', @applied, @now, @now, 1)
                """,
                ("@id", Id(member)),
                ("@org", Id(organization)),
                ("@birth", Day("1990-01-01")),
                ("@index", member.ToString("N")),
                ("@applied", Day("2026-01-10")),
                ("@now", Now())
            );
            await Execute(
                connection,
                """
                INSERT INTO member_steps (id, member_id, step, occurred_on, details, override_reason, recorded_by,
                    created_at)
                VALUES (@id, @member, 'Application', @applied, @details, NULL, NULL, @now)
                """,
                ("@id", Id(Guid.CreateVersion7())),
                ("@member", Id(member)),
                ("@applied", Day("2026-01-10")),
                ("@details", details),
                ("@now", Now())
            );
        }

        Migrator.MigrateUp(options);

        async Task<string?> TalkOn(Guid member)
        {
            await using var read = connection.CreateCommand();
            read.CommandText = "SELECT talk_on FROM members WHERE id = @id";
            var parameter = read.CreateParameter();
            parameter.ParameterName = "@id";
            parameter.Value = Id(member);
            read.Parameters.Add(parameter);
            // SQLite keeps the ISO text; Npgsql answers a date as DateOnly.
            return await read.ExecuteScalarAsync() switch
            {
                DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                DateTime dateTime => dateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                string text => text,
                _ => null,
            };
        }
        var copied = await TalkOn(talked);
        var none = await TalkOn(notYet);
        Assert.Multiple(() =>
        {
            Assert.That(copied, Is.EqualTo("2026-01-20"), "the talk from the application step");
            Assert.That(none, Is.Null, "none where none was given");
        });
    }
}
