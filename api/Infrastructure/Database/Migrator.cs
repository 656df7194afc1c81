using FluentMigrator.Runner;
using FluentMigrator.Runner.Processors;
using Microsoft.Data.Sqlite;

namespace Jiceng.Infrastructure.Database;

/// <summary>
/// Applies the FluentMigrator migrations in <c>Jiceng.Migrations</c> to the configured database, at
/// start-up and through <c>--migrate</c>. Runs in its own service provider so the runner's services
/// stay out of the application's container.
/// </summary>
public static class Migrator
{
    /// <summary>FluentMigrator's processor ids for the engine versions we target.</summary>
    public static class ProcessorIds
    {
        public const string Sqlite = "SQLite";
        public const string Postgres = "PostgreSQL15_0";
        public const string SqlServer = "SqlServer2016";

        /// <summary>For IfDatabase: every name a processor of that engine may answer to.</summary>
        public static readonly string[] AnyPostgres = ["PostgreSQL15_0", "PostgreSQL", "Postgres"];
        public static readonly string[] AnySqlServer = ["SqlServer2016", "SqlServer"];
    }

    /// <param name="options">the database to migrate</param>
    /// <param name="targetVersion">the last migration to apply (tests
    /// of a data migration stop before it); all when null</param>
    public static void MigrateUp(DatabaseOptions options, long? targetVersion = null)
    {
        var connectionString = options.EffectiveConnectionString;
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            PrepareSqliteFile(connectionString);
        }

        using var services = new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner =>
                runner
                    .AddSQLite()
                    .AddPostgres()
                    .AddSqlServer()
                    .WithGlobalConnectionString(connectionString)
                    .ScanIn(typeof(Migrator).Assembly)
                    .For.Migrations()
            )
            .Configure<SelectingProcessorAccessorOptions>(o =>
                o.ProcessorId = options.Provider switch
                {
                    DatabaseProvider.Sqlite => ProcessorIds.Sqlite,
                    DatabaseProvider.Postgres => ProcessorIds.Postgres,
                    DatabaseProvider.SqlServer => ProcessorIds.SqlServer,
                    _ => throw new ArgumentOutOfRangeException(nameof(options)),
                }
            )
            .BuildServiceProvider(validateScopes: false);
        using var scope = services.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<IMigrationRunner>();
        if (targetVersion is { } version)
        {
            runner.MigrateUp(version);
        }
        else
        {
            runner.MigrateUp();
        }
    }

    private const string SqliteWalSql = "PRAGMA journal_mode = WAL;";

    private static void PrepareSqliteFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // WAL lets readers run beside the single writer; the setting is stored in the file.
        command.CommandText = SqliteWalSql;
        command.ExecuteNonQuery();
    }
}
