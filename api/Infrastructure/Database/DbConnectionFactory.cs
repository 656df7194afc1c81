using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Jiceng.Infrastructure.Database;

/// <summary>Opens provider-specific connections, applying the per-connection settings each engine needs.</summary>
public sealed class DbConnectionFactory
{
    // Five seconds of waiting on a locked database before SQLITE_BUSY, per connection.
    private const string SqliteBusyTimeoutSql = "PRAGMA busy_timeout = 5000;";

    // How long a writer queues for its turn before it goes to SQLite anyway (and its busy handler decides, as before).
    private static readonly TimeSpan SqliteWriteTurnLimit = TimeSpan.FromSeconds(5);

    private readonly DatabaseOptions _options;
    private readonly string _connectionString;

    // SQLite lets one connection write at a time. This process's writers queue here, asynchronously, instead of in
    // SQLite's busy handler, which blocks a pool thread and polls (1, 2, 5 … 100 ms sleeps): with 64 concurrent
    // payments most of the time went to those sleeps, to the lock lying free between them, and to the thread pool
    // growing to replace the sleeping threads.
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);

    public DbConnectionFactory(IOptions<DatabaseOptions> options)
    {
        _options = options.Value;
        _connectionString =
            _options.Provider == DatabaseProvider.Sqlite
                ? new SqliteConnectionStringBuilder(_options.EffectiveConnectionString)
                {
                    ForeignKeys = true,
                    Pooling = true,
                }.ToString()
            : _options.Provider == DatabaseProvider.Postgres ? WithPostgresDefaults(_options.EffectiveConnectionString)
            : _options.EffectiveConnectionString;
        Dialect = SqlDialect.For(_options.Provider);
    }

    public DatabaseProvider Provider => _options.Provider;

    /// <summary>
    /// Npgsql's prepared statements and no reset on returning a connection, unless the connection string sets them.
    /// Without them a payment's dozen statements were parsed and planned anew on every request, and each of its
    /// pool rentals began with a reset (DISCARD ALL). Nothing here keeps session state (no SET, temporary table,
    /// LISTEN or advisory lock), so a returned connection has nothing to reset. Migrations use their own connection
    /// string, without prepared statements, so a changed table never meets a statement prepared before it.
    /// </summary>
    public static string WithPostgresDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(given, "Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = PostgresMaxAutoPrepare;
        }
        if (!Sets(given, "No Reset On Close"))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ToString();
    }

    // Distinct statements kept prepared per connection; the most used survive when there are more.
    public const int PostgresMaxAutoPrepare = 256;

    private static bool Sets(DbConnectionStringBuilder given, string keyword) =>
        given.Keys.Cast<string>().Any(key => Compact(key) == Compact(keyword));

    private static string Compact(string keyword) => keyword.Replace(" ", "").ToUpperInvariant();

    public SqlDialect Dialect { get; }

    public string ConnectionString => _connectionString;

    /// <summary>
    /// An open connection. Failing to open one means the database is unreachable (down, refusing, the file
    /// gone): that is a <see cref="DatabaseUnavailableException"/>, answered 503, whatever the provider's error.
    /// </summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = Create();
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection is SqliteConnection sqlite)
            {
                SetBusyTimeoutOnce(sqlite);
            }
            return connection;
        }
        catch (Exception e) when (IsConnectionFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            await connection.DisposeAsync();
            throw new DatabaseUnavailableException(e);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// On SQLite, waits (asynchronously) for this process's turn to write and returns it, to be disposed when the
    /// write transaction ends; null on the other engines, whose writers lock rows, not the database. After
    /// <see cref="SqliteWriteTurnLimit"/> without a turn (a long transaction, such as the demo seed) it returns
    /// null too, and SQLite's own busy timeout applies as it would without the queue.
    /// </summary>
    public async ValueTask<IDisposable?> WriteTurnAsync(CancellationToken cancellationToken)
    {
        if (_options.Provider != DatabaseProvider.Sqlite)
        {
            return null;
        }
        return await _sqliteWriter.WaitAsync(SqliteWriteTurnLimit, cancellationToken)
            ? new WriteTurn(_sqliteWriter)
            : null;
    }

    private sealed class WriteTurn(SemaphoreSlim writer) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                writer.Release();
            }
        }
    }

    /// <summary>The same, for callers that cannot wait asynchronously (the Data Protection key store).</summary>
    public DbConnection Open()
    {
        var connection = Create();
        try
        {
            connection.Open();
            if (connection is SqliteConnection sqlite)
            {
                SetBusyTimeoutOnce(sqlite);
            }
            return connection;
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            connection.Dispose();
            throw new DatabaseUnavailableException(e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // The native connections that have their busy_timeout: a pooled SqliteConnection reopens the same one, which keeps
    // it, so the PRAGMA runs once per native connection, not on each of a request's opens (three for a payment).
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> WithBusyTimeout = new();

    private static readonly object Marked = new();

    // busy_timeout is per connection; WAL is persistent and set once by the migrator.
    private static void SetBusyTimeoutOnce(SqliteConnection sqlite)
    {
        if (sqlite.Handle is not { } handle || WithBusyTimeout.TryGetValue(handle, out _))
        {
            return;
        }
        using var pragma = sqlite.CreateCommand();
        pragma.CommandText = SqliteBusyTimeoutSql;
        pragma.ExecuteNonQuery();
        WithBusyTimeout.AddOrUpdate(handle, Marked);
    }

    private static bool IsConnectionFailure(Exception e) =>
        e is DbException or System.Net.Sockets.SocketException or TimeoutException or IOException;

    // The pinyin collation is per connection in SQLite: registered before Open, so it is there on every use.
    private SqliteConnection CreateSqlite()
    {
        var connection = new SqliteConnection(_connectionString);
        ChineseCollation.Register(connection);
        return connection;
    }

    private DbConnection Create() =>
        _options.Provider switch
        {
            DatabaseProvider.Sqlite => CreateSqlite(),
            DatabaseProvider.Postgres => new NpgsqlConnection(_connectionString),
            DatabaseProvider.SqlServer => new SqlConnection(_connectionString),
            _ => throw new InvalidOperationException($"Unknown database provider {_options.Provider}."),
        };
}
