using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Jiceng.Infrastructure.Database;

/// <summary>
/// Writes many rows of one table inside the caller's transaction, each engine its fastest way that still sends values
/// as values, never as SQL text (a 100,000-line dividend plan used to take 100,000 statements):
/// <list type="bullet">
/// <item>PostgreSQL: one binary <c>COPY … FROM STDIN</c>.</item>
/// <item>SQLite: one single-row <c>INSERT</c> prepared once on the connection and stepped per row, its values bound by
/// position. Microsoft.Data.Sqlite binds only by name, and SQLite finds a name by a linear search of the statement's
/// names, so named multi-row statements cost n² per batch: positional binding made 100,000 lines about twice as fast.
/// </item>
/// <item>SQL Server: multi-row <c>INSERT … VALUES (…), (…)</c> statements, never past its 2,100 parameters nor 1,000
/// rows per VALUES list, on one command reused for every full batch (see <see cref="DbSession.BareCommandAsync"/>).
/// </item>
/// </list>
/// </summary>
public static class MultiRowInsert
{
    /// <summary>Rows per statement at most (a power of two, see the rest's pieces).</summary>
    private const int MaxRows = 512;

    // The statement's fixed head; table and column names are the caller's constants.
    private const string InsertInto = "INSERT INTO ";

    // 256 MB at most, taken only as pages are touched: the pages one bulk insert writes.
    private const string SqliteBulkCacheSizeSql = "PRAGMA cache_size = -262144";

    private const string SqliteCacheSizeSql = "PRAGMA cache_size";

    public static int MaxParameters(DatabaseProvider provider) =>
        provider switch
        {
            DatabaseProvider.Sqlite => 32_766,
            DatabaseProvider.Postgres => 65_535,
            // 2,100 less a margin for the parameters the client library may add itself.
            _ => 2_000,
        };

    /// <summary>
    /// Parameters one statement carries here: the engine's limit, but on SQLite far less, because SQLite finds each
    /// named parameter by a linear search of the statement's names (binding n parameters costs n²), and the
    /// statement stays prepared between batches anyway: about 128 parameters a statement saves a 100,000-line plan
    /// fastest.
    /// </summary>
    private static int ParametersPerStatement(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite ? 128 : MaxParameters(provider);

    /// <summary>How many rows of <paramref name="columns"/> columns one statement carries on this engine.</summary>
    public static int RowsPerStatement(DatabaseProvider provider, int columns) =>
        HighestPowerOfTwo(Math.Max(1, Math.Min(MaxRows, ParametersPerStatement(provider) / columns)));

    /// <summary>
    /// Inserts <paramref name="rows"/> (each the values of <paramref name="columns"/>, in order; GUIDs, text,
    /// integers, decimals and booleans) into <paramref name="table"/>. <paramref name="nullTypes"/> gives each
    /// column's type for a null value, which PostgreSQL cannot infer from an untyped null. Table and column names are
    /// the caller's constants. On PostgreSQL <paramref name="nullTypes"/> are each column's type for every value: a
    /// binary COPY sends each value in its column's own format.
    /// </summary>
    public static async Task InsertRowsAsync(
        this DbSession db,
        string table,
        IReadOnlyList<string> columns,
        IReadOnlyList<DbType> nullTypes,
        IEnumerable<object?[]> rows,
        CancellationToken cancellationToken
    )
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        switch (connection)
        {
            case SqliteConnection sqlite:
                InsertSqlite(sqlite, table, columns, nullTypes, rows);
                return;
            case NpgsqlConnection postgres:
                await CopyPostgresAsync(postgres, table, columns, nullTypes, rows, cancellationToken);
                return;
        }
        var perStatement = RowsPerStatement(db.Dialect.Provider, columns.Count);
        var head = InsertInto + table + " (" + string.Join(", ", columns) + ") VALUES ";
        var batch = new List<object?[]>(perStatement);
        DbCommand? full = null;
        try
        {
            foreach (var row in rows)
            {
                if (row.Length != columns.Count)
                {
                    throw new ArgumentException("Every row needs one value per column.", nameof(rows));
                }
                batch.Add(row);
                if (batch.Count == perStatement)
                {
                    // One command for every full batch: SQLite keeps its prepared statement, values are rebound.
                    full ??= await PrepareAsync(db, head, columns.Count, perStatement, cancellationToken);
                    await ExecuteAsync(full, batch, nullTypes, db.Dialect.Provider, cancellationToken);
                    batch.Clear();
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
        // The rest goes in power-of-two pieces, so that only a few distinct statement texts exist per table.
        var done = 0;
        for (var size = HighestPowerOfTwo(Math.Max(1, batch.Count)); done < batch.Count; size /= 2)
        {
            if (batch.Count - done >= size)
            {
                await using var piece = await PrepareAsync(db, head, columns.Count, size, cancellationToken);
                await ExecuteAsync(
                    piece,
                    batch.GetRange(done, size),
                    nullTypes,
                    db.Dialect.Provider,
                    cancellationToken
                );
                done += size;
            }
        }
    }

    // The connection's own handle: the statement runs inside whatever transaction the connection has open.
    private static void InsertSqlite(
        SqliteConnection connection,
        string table,
        IReadOnlyList<string> columns,
        IReadOnlyList<DbType> nullTypes,
        IEnumerable<object?[]> rows
    )
    {
        var handle = connection.Handle!;
        var sql =
            InsertInto
            + table
            + " ("
            + string.Join(", ", columns)
            + ") VALUES ("
            + string.Join(", ", columns.Select(_ => "?"))
            + ")";
        // A bulk insert's table and index pages in memory until the transaction commits: with SQLite's default cache
        // (2 MB) 100,000 rows spill pages to the WAL and write them again, which took a third of a 100,000-line plan's
        // insert. The connection's own cache size comes back afterwards (pooled connections keep their setting).
        // On the raw handle, as the insert: a command of the connection would need its open transaction's object.
        var cacheSize = PragmaValue(handle, SqliteCacheSizeSql);
        Check(raw.sqlite3_exec(handle, SqliteBulkCacheSizeSql), handle);
        try
        {
            InsertSqliteRows(handle, sql, columns, nullTypes, rows);
        }
        finally
        {
            Check(
                raw.sqlite3_exec(handle, SqliteCacheSizeSql + " = " + cacheSize.ToString(CultureInfo.InvariantCulture)),
                handle
            );
        }
    }

    private static long PragmaValue(sqlite3 handle, string sql)
    {
        Check(raw.sqlite3_prepare_v2(handle, sql, out var statement), handle);
        using (statement)
        {
            return raw.sqlite3_step(statement) == raw.SQLITE_ROW ? raw.sqlite3_column_int64(statement, 0) : -2000;
        }
    }

    private static void InsertSqliteRows(
        sqlite3 handle,
        string sql,
        IReadOnlyList<string> columns,
        IReadOnlyList<DbType> nullTypes,
        IEnumerable<object?[]> rows
    )
    {
        Check(raw.sqlite3_prepare_v2(handle, sql, out var statement), handle);
        using (statement)
        {
            foreach (var row in rows)
            {
                if (row.Length != columns.Count)
                {
                    throw new ArgumentException("Every row needs one value per column.", nameof(rows));
                }
                for (var c = 0; c < row.Length; c++)
                {
                    Check(BindSqlite(statement, c + 1, row[c], nullTypes[c]), handle);
                }
                var step = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (step != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(step, handle);
                }
            }
        }
    }

    private static void Check(int rc, sqlite3 handle)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, handle);
        }
    }

    /// <summary>Values stored as Microsoft.Data.Sqlite and the Dapper type handlers store them (GUIDs as text,
    /// decimals as invariant text, booleans as 0 and 1).</summary>
    private static int BindSqlite(sqlite3_stmt statement, int index, object? value, DbType nullType) =>
        value switch
        {
            null => raw.sqlite3_bind_null(statement, index),
            Guid guid => raw.sqlite3_bind_text(statement, index, guid.ToString("D")),
            string text => raw.sqlite3_bind_text(statement, index, text),
            int number => raw.sqlite3_bind_int64(statement, index, number),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            decimal number => raw.sqlite3_bind_text(statement, index, number.ToString(CultureInfo.InvariantCulture)),
            bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
            // Fixed-width UTC text, as the Dapper handler writes it: it sorts and compares as a string.
            DateTimeOffset moment => raw.sqlite3_bind_text(statement, index, SqliteMoment(moment)),
            _ => throw new NotSupportedException(
                $"A multi-row insert does not bind {value.GetType().Name} values ({nullType} column)."
            ),
        };

    private static async Task CopyPostgresAsync(
        NpgsqlConnection connection,
        string table,
        IReadOnlyList<string> columns,
        IReadOnlyList<DbType> columnTypes,
        IEnumerable<object?[]> rows,
        CancellationToken cancellationToken
    )
    {
        var types = columnTypes.Select(PostgresType).ToArray();
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY " + table + " (" + string.Join(", ", columns) + ") FROM STDIN (FORMAT BINARY)",
            cancellationToken
        );
        foreach (var row in rows)
        {
            if (row.Length != columns.Count)
            {
                throw new ArgumentException("Every row needs one value per column.", nameof(rows));
            }
            await writer.StartRowAsync(cancellationToken);
            for (var c = 0; c < row.Length; c++)
            {
                switch (row[c])
                {
                    case null:
                        await writer.WriteNullAsync(cancellationToken);
                        break;
                    // Each value in its column's width: an int bound for a bigint column is sent as one.
                    case int or long when types[c] == NpgsqlDbType.Bigint:
                        await writer.WriteAsync(
                            Convert.ToInt64(row[c], CultureInfo.InvariantCulture),
                            types[c],
                            cancellationToken
                        );
                        break;
                    case int or long when types[c] == NpgsqlDbType.Integer:
                        await writer.WriteAsync(
                            Convert.ToInt32(row[c], CultureInfo.InvariantCulture),
                            types[c],
                            cancellationToken
                        );
                        break;
                    // Timestamp columns hold UTC by convention (as the Dapper handler writes them).
                    case DateTimeOffset moment:
                        await writer.WriteAsync(UtcDateTime(moment), types[c], cancellationToken);
                        break;
                    case var value:
                        await writer.WriteAsync(value, types[c], cancellationToken);
                        break;
                }
            }
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static NpgsqlDbType PostgresType(DbType type) =>
        type switch
        {
            DbType.Guid => NpgsqlDbType.Uuid,
            DbType.Int32 => NpgsqlDbType.Integer,
            DbType.Int64 => NpgsqlDbType.Bigint,
            DbType.String or DbType.AnsiString => NpgsqlDbType.Text,
            DbType.Decimal => NpgsqlDbType.Numeric,
            DbType.Boolean => NpgsqlDbType.Boolean,
            DbType.DateTime2 or DbType.DateTime or DbType.DateTimeOffset => NpgsqlDbType.Timestamp,
            _ => throw new NotSupportedException($"A bulk insert does not copy {type} columns."),
        };

    private static string SqliteMoment(DateTimeOffset moment) =>
        moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTime UtcDateTime(DateTimeOffset moment) =>
        DateTime.SpecifyKind(moment.ToUniversalTime().UtcDateTime, DateTimeKind.Unspecified);

    private static int HighestPowerOfTwo(int n)
    {
        var size = 1;
        while (size * 2 <= n)
        {
            size *= 2;
        }
        return size;
    }

    private static async Task<DbCommand> PrepareAsync(
        DbSession db,
        string head,
        int columns,
        int rowCount,
        CancellationToken cancellationToken
    )
    {
        var sql = new StringBuilder(head, head.Length + (rowCount * columns * 8));
        var command = await db.BareCommandAsync("", cancellationToken);
        for (var r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns; c++)
            {
                // Named with its prefix: Microsoft.Data.Sqlite otherwise first looks for the bare name, in vain.
                var name = "@p" + (r * columns + c).ToString(CultureInfo.InvariantCulture);
                sql.Append(c == 0 ? "" : ", ").Append(name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        return command;
    }

    private static async Task ExecuteAsync(
        DbCommand command,
        List<object?[]> batch,
        IReadOnlyList<DbType> nullTypes,
        DatabaseProvider provider,
        CancellationToken cancellationToken
    )
    {
        var sqlite = provider == DatabaseProvider.Sqlite;
        var columns = nullTypes.Count;
        for (var r = 0; r < batch.Count; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                Bind(command.Parameters[(r * columns) + c], batch[r][c], nullTypes[c], sqlite);
            }
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Values mapped as the Dapper type handlers map them (GUIDs as text on SQLite).</summary>
    private static void Bind(DbParameter parameter, object? value, DbType nullType, bool sqlite)
    {
        switch (value)
        {
            case null:
                parameter.DbType = nullType == DbType.Guid && sqlite ? DbType.String : nullType;
                parameter.Value = DBNull.Value;
                break;
            case Guid guid when sqlite:
                parameter.DbType = DbType.String;
                parameter.Value = guid.ToString("D");
                break;
            case Guid guid:
                parameter.DbType = DbType.Guid;
                parameter.Value = guid;
                break;
            case string text:
                parameter.DbType = DbType.String;
                parameter.Value = text;
                break;
            case int number:
                parameter.DbType = DbType.Int32;
                parameter.Value = number;
                break;
            case long number:
                parameter.DbType = DbType.Int64;
                parameter.Value = number;
                break;
            case decimal number:
                parameter.DbType = DbType.Decimal;
                parameter.Value = number;
                break;
            case bool flag:
                parameter.DbType = DbType.Boolean;
                parameter.Value = flag;
                break;
            case DateTimeOffset moment when sqlite:
                // Fixed-width UTC text, as the Dapper handler writes it.
                parameter.DbType = DbType.String;
                parameter.Value = moment
                    .ToUniversalTime()
                    .ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
                break;
            case DateTimeOffset moment:
                parameter.DbType = DbType.DateTime2;
                parameter.Value = DateTime.SpecifyKind(moment.UtcDateTime, DateTimeKind.Unspecified);
                break;
            default:
                throw new NotSupportedException($"A multi-row insert does not bind {value.GetType().Name} values.");
        }
    }
}
