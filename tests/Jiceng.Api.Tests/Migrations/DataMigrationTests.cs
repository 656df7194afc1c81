using System.Data.Common;
using System.Globalization;
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

    [Test]
    public async Task Rows_left_behind_by_earlier_subtree_moves_take_their_organizations_path_and_region()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var options = new DatabaseOptions { Provider = provider, ConnectionString = database.ConnectionString };
        Migrator.MigrateUp(options, 202612040250);

        var (oldRegion, newRegion, community) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var (leftBehind, upToDate, fund) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await using DbConnection connection =
            provider == DatabaseProvider.Sqlite
                ? new SqliteConnection(database.ConnectionString)
                : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        // The community was moved from the old region (00001) to the new one (00002) before moves carried copies.
        foreach (
            var (id, parent, path, region) in new[]
            {
                (oldRegion, (Guid?)null, "00001", oldRegion),
                (newRegion, null, "00002", newRegion),
                (community, newRegion, "0000200001", newRegion),
            }
        )
        {
            await Execute(
                connection,
                """
                INSERT INTO organizations (id, parent_id, path, depth, child_seq, region_root_id, name, kind, field,
                    status, created_at, updated_at, version)
                VALUES (@id, @parent, @path, @depth, 0, @region, @name, 'Committee', 'Government', 'Active', @now,
                    @now, 1)
                """,
                ("@id", Id(id)),
                ("@parent", parent is { } p ? Id(p) : null),
                ("@path", path),
                ("@depth", parent is null ? 0 : 1),
                ("@region", Id(region)),
                ("@name", "迁移组织" + path),
                ("@now", Now())
            );
        }
        foreach (
            var (volunteer, path, region) in new[]
            {
                (leftBehind, "0000100001", oldRegion),
                (upToDate, "0000200001", newRegion),
            }
        )
        {
            await Execute(
                connection,
                """
                INSERT INTO volunteers (id, org_id, org_path, region_root_id, kind, name, skills, created_at,
                    updated_at, version)
                VALUES (@id, @org, @path, @region, 'Resident', '张桂兰', '[]', @now, @now, 1)
                """,
                ("@id", Id(volunteer)),
                ("@org", Id(community)),
                ("@path", path),
                ("@region", Id(region)),
                ("@now", Now())
            );
        }
        await Execute(
            connection,
            """
            INSERT INTO assistance_funds (id, org_id, org_path, region_root_id, parent_fund_id, name, balance, held,
                created_at, updated_at, version)
            VALUES (@id, @org, '0000200001', @region, NULL, '社区关怀资金', 0, 0, @now, @now, 1)
            """,
            ("@id", Id(fund)),
            ("@org", Id(community)),
            ("@region", Id(oldRegion)),
            ("@now", Now())
        );

        Migrator.MigrateUp(options);

        async Task<(string Path, string Region)> Copies(string table, Guid id)
        {
            await using var read = connection.CreateCommand();
            read.CommandText = $"SELECT org_path, region_root_id FROM {table} WHERE id = @id";
            var parameter = read.CreateParameter();
            parameter.ParameterName = "@id";
            parameter.Value = Id(id);
            read.Parameters.Add(parameter);
            await using var row = await read.ExecuteReaderAsync();
            Assert.That(await row.ReadAsync(), Is.True, table);
            return (row.GetString(0), Convert.ToString(row.GetValue(1), CultureInfo.InvariantCulture)!);
        }
        var moved = await Copies("volunteers", leftBehind);
        var kept = await Copies("volunteers", upToDate);
        var fundCopies = await Copies("assistance_funds", fund);
        var expected = ("0000200001", newRegion.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(moved, Is.EqualTo(expected), "the volunteer left behind");
            Assert.That(kept, Is.EqualTo(expected), "the volunteer already right");
            Assert.That(fundCopies, Is.EqualTo(expected), "the fund's region");
        });
    }
}
