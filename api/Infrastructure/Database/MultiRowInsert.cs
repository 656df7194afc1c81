using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Jiceng.Infrastructure.Database;

/// <summary>
/// Writes many rows of one table with multi-row <c>INSERT … VALUES (…), (…)</c> statements inside the caller's
/// transaction: one statement per batch instead of one per row (a 100,000-line dividend plan used to take 100,000
/// statements). A batch never passes the engine's limit of parameters per statement (SQLite 32,766, PostgreSQL 65,535,
/// SQL Server 2,100) nor SQL Server's 1,000 rows per VALUES list. Values travel as parameters, never as SQL text,
/// bound directly on one command reused for every full batch (see <see cref="DbSession.BareCommandAsync"/>).
/// </summary>
public static class MultiRowInsert
{
    /// <summary>Rows per statement at most (a power of two, see the rest's pieces).</summary>
    private const int MaxRows = 512;

    // The statement's fixed head; table and column names are the caller's constants.
    private const string InsertInto = "INSERT INTO ";

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
    /// the caller's constants.
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
