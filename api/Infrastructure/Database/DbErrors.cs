using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jiceng.Infrastructure.Database;

/// <summary>Recognizes a unique-constraint violation on each provider, so a lost race becomes a 409, not a 500.</summary>
public static class DbErrors
{
    public static bool IsUniqueViolation(DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqlException sqlServer => sqlServer.Number is 2627 or 2601,
        _ => false,
    };
}

public static class DbSessionUniqueExtensions
{
    /// <summary>
    /// Runs a write whose statement already refuses a duplicate; when a concurrent writer got there first
    /// and a unique index refuses the row instead, throws the same conflict the statement's own check would.
    /// </summary>
    public static async Task<int> ExecuteOrConflictAsync(this DbSession db, string sql, object parameters, Func<Exception> conflict, CancellationToken cancellationToken)
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

