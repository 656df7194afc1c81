using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jiceng.Infrastructure.Database;

/// <summary>Recognizes a unique-constraint violation on each
/// provider, so a lost race becomes a 409, not a 500.</summary>
public static class DbErrors
{
    public static bool IsUniqueViolation(DbException exception) =>
        exception switch
        {
            SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
            PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
            SqlException sqlServer => sqlServer.Number is 2627 or 2601,
            _ => false,
        };

    /// <summary>A row refused by a CHECK constraint, or on SQLite by a guard trigger's RAISE(ABORT) (SQLite cannot
    /// add a CHECK to an existing table, so its guards are triggers).</summary>
    public static bool IsCheckViolation(DbException exception) =>
        exception switch
        {
            SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 275 or 1811,
            PostgresException postgres => postgres.SqlState == PostgresErrorCodes.CheckViolation,
            SqlException sqlServer => sqlServer.Number == 547,
            _ => false,
        };

    /// <summary>
    /// True when the exception (or one it wraps) says the database cannot be reached or has gone away: a
    /// connection that could not be opened, a broken or timed-out connection, a server shutting down. Such a
    /// request did nothing, and the same request may succeed once the database is back: 503, not 500.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is DatabaseUnavailableException || IsUnavailableError(e))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsUnavailableError(Exception exception) =>
        exception switch
        {
            // 5 busy (past busy_timeout), 10 I/O error, 14 cannot open the file.
            SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 10 or 14,
            // 57P01-03: the server is shutting down or starting; 53300: no free connection slot.
            PostgresException postgres => postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300",
            // Not a server error: the connection broke, timed out or could not be made.
            NpgsqlException npgsql => npgsql.IsTransient,
            // Connection failures and timeouts, and Azure SQL's "database unavailable, retry" family.
            SqlException sqlServer => sqlServer.Number
                is -2
                    or -1
                    or 2
                    or 53
                    or 233
                    or 4060
                    or 10053
                    or 10054
                    or 10060
                    or 10061
                    or 40143
                    or 40197
                    or 40501
                    or 40613,
            SocketException => true,
            _ => false,
        };
}

/// <summary>A connection to the database could not be opened; see <see cref="DbErrors.IsUnavailable"/>.</summary>
public sealed class DatabaseUnavailableException(Exception inner)
    : Exception("The database could not be reached: " + inner.Message, inner);

public static class DbSessionUniqueExtensions
{
    /// <summary>
    /// Runs a write whose statement already refuses a duplicate; when a concurrent writer got there first
    /// and a unique index refuses the row instead, throws the same conflict the statement's own check would.
    /// </summary>
    public static async Task<int> ExecuteOrConflictAsync(
        this DbSession db,
        string sql,
        object parameters,
        Func<Exception> conflict,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return await db.ExecuteAsync(sql, parameters, cancellationToken);
        }
        catch (DbException e) when (DbErrors.IsUniqueViolation(e))
        {
            throw conflict();
        }
    }
}
