using Jiceng.Infrastructure.Database;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jiceng.Tests.Support;

/// <summary>
/// The providers every integration test runs on: SQLite always, PostgreSQL when JICENG_TEST_POSTGRES holds
/// a connection string to a server where the user may create databases (scripts/test.sh starts one).
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "JICENG_TEST_POSTGRES";

    public static IEnumerable<DatabaseProvider> Providers()
    {
        yield return DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable)))
        {
            yield return DatabaseProvider.Postgres;
        }
    }
}

/// <summary>A fresh, empty database for one test fixture, removed afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;
    private readonly string? _sqliteDirectory;

    private TestDatabase(
        DatabaseProvider provider,
        string connectionString,
        string? postgresAdmin = null,
        string? postgresName = null,
        string? sqliteDirectory = null
    )
    {
        Provider = provider;
        ConnectionString = connectionString;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
        _sqliteDirectory = sqliteDirectory;
    }

    private const string SqliteFile = "test.db";

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    // Fixtures start from one database per provider migrated once per run and copied: CREATE DATABASE … TEMPLATE
    // takes about a quarter of a second on PostgreSQL, a file copy less on SQLite; migrating a new database took
    // about 1.5 s on PostgreSQL and 0.3 s on SQLite, for each of about 75 and 115 fixtures.
    private static readonly SemaphoreSlim TemplateTurn = new(1, 1);
    private static readonly Dictionary<DatabaseProvider, TestDatabase> MigratedTemplates = [];

    /// <summary>
    /// A fresh database with every migration applied, for an API to start on (its own start-up migration then finds
    /// nothing to do). Tests of the migrations themselves use <see cref="CreateAsync"/>, an empty one.
    /// </summary>
    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider) =>
        await CopyOfAsync(await MigratedTemplateAsync(provider));

    private static async Task<TestDatabase> MigratedTemplateAsync(DatabaseProvider provider)
    {
        await TemplateTurn.WaitAsync();
        try
        {
            if (!MigratedTemplates.TryGetValue(provider, out var template))
            {
                template = await CreateAsync(provider);
                Migrator.MigrateUp(
                    new DatabaseOptions { Provider = provider, ConnectionString = template.ConnectionString }
                );
                template.CloseConnections();
                MigratedTemplates[provider] = template;
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                    template.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            return template;
        }
        finally
        {
            TemplateTurn.Release();
        }
    }

    /// <summary>
    /// Closes the pooled connections to every test database, as a copy needs: PostgreSQL copies a template only when
    /// nobody is connected to it, and SQLite's last connection to close folds the write-ahead log into the file.
    /// </summary>
    public void CloseConnections()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
        }
    }

    /// <summary>A new database holding what <paramref name="source"/> holds (nobody may be connected to it).</summary>
    public static async Task<TestDatabase> CopyOfAsync(TestDatabase source)
    {
        if (source.Provider == DatabaseProvider.Postgres)
        {
            return await CreateFromAsync(source.Provider, source._postgresName);
        }
        var copy = await CreateAsync(source.Provider);
        foreach (var suffix in new[] { "", "-wal" })
        {
            var file = Path.Combine(source._sqliteDirectory!, SqliteFile + suffix);
            if (File.Exists(file))
            {
                File.Copy(file, Path.Combine(copy._sqliteDirectory!, SqliteFile + suffix));
            }
        }
        return copy;
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider) =>
        await CreateFromAsync(provider, null);

    private static async Task<TestDatabase> CreateFromAsync(DatabaseProvider provider, string? postgresTemplate)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), "jiceng-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            return new TestDatabase(
                provider,
                $"Data Source={Path.Combine(directory, SqliteFile)}",
                sqliteDirectory: directory
            );
        }
        var admin =
            Environment.GetEnvironmentVariable(TestDatabases.PostgresVariable)
            ?? throw new InvalidOperationException($"{TestDatabases.PostgresVariable} is not set.");
        var name = "jiceng_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                postgresTemplate is null
                    ? $"CREATE DATABASE {name}"
                    : $"CREATE DATABASE {name} TEMPLATE {postgresTemplate}",
                connection
            );
            await command.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteDirectory is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a finishing request; the temp folder is cleaned by the OS.
            }
        }
        if (_postgresAdmin is not null && _postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)",
                connection
            );
            await command.ExecuteNonQueryAsync();
        }
    }
}
