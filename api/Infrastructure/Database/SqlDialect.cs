using System.Collections.Concurrent;

namespace Jiceng.Infrastructure.Database;

/// <summary>
/// The few places where SQLite, PostgreSQL and SQL Server disagree. Handlers write portable SQL with
/// tokens (<c>{page}</c>, <c>{cat}</c>, <c>{substr}</c>, <c>{len}</c>, <c>{in:list}</c>, <c>{month:joined_on}</c>,
/// <c>{on-conflict-ignore}</c>) that this class replaces with fixed fragments; no value ever enters SQL text this way.
/// <c>{on-conflict-ignore}</c> ends an <c>INSERT … SELECT … WHERE NOT EXISTS</c>: where the engine can, a row
/// inserted by a concurrent transaction in between is skipped instead of failing (and, on PostgreSQL, aborting
/// the transaction); SQL Server has no such clause, so there the race stays a unique violation.
/// </summary>
public sealed partial class SqlDialect
{
    private readonly ConcurrentDictionary<string, string> _rendered = new();
    private readonly (string Token, string Fragment)[] _tokens;

    private SqlDialect(DatabaseProvider provider, (string, string)[] tokens)
    {
        Provider = provider;
        _tokens = tokens;
    }

    public DatabaseProvider Provider { get; }

    public static readonly SqlDialect Sqlite = new(
        DatabaseProvider.Sqlite,
        [
            ("{page}", "LIMIT @take OFFSET @skip"),
            ("{cat}", "||"),
            ("{substr}", "SUBSTR"),
            ("{len}", "LENGTH"),
            // Dates are stored as ISO text in SQLite.
            ("{month:joined_on}", "CAST(SUBSTR(joined_on, 6, 2) AS INTEGER)"),
            ("{on-conflict-ignore}", "ON CONFLICT DO NOTHING"),
            ("{collate-zh}", "COLLATE " + ChineseCollation.Name),
        ]
    );

    public static readonly SqlDialect Postgres = new(
        DatabaseProvider.Postgres,
        [
            ("{page}", "LIMIT @take OFFSET @skip"),
            ("{cat}", "||"),
            ("{substr}", "SUBSTR"),
            ("{len}", "LENGTH"),
            ("{month:joined_on}", "CAST(EXTRACT(MONTH FROM joined_on) AS INTEGER)"),
            ("{on-conflict-ignore}", "ON CONFLICT DO NOTHING"),
            ("{collate-zh}", "COLLATE " + ChineseCollation.Name),
        ]
    );

    public static readonly SqlDialect SqlServer = new(
        DatabaseProvider.SqlServer,
        [
            ("{page}", "OFFSET @skip ROWS FETCH NEXT @take ROWS ONLY"),
            ("{cat}", "+"),
            ("{substr}", "SUBSTRING"),
            ("{len}", "LEN"),
            ("{month:joined_on}", "MONTH(joined_on)"),
            ("{on-conflict-ignore}", ""),
            ("{collate-zh}", "COLLATE Chinese_PRC_CI_AS"),
        ]
    );

    public static SqlDialect For(DatabaseProvider provider) =>
        provider switch
        {
            DatabaseProvider.Sqlite => Sqlite,
            DatabaseProvider.Postgres => Postgres,
            DatabaseProvider.SqlServer => SqlServer,
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };

    /// <summary>Replaces the dialect tokens; the result is cached per statement.</summary>
    public string Render(string sql) => _rendered.GetOrAdd(sql, RenderUncached);

    private string RenderUncached(string sql)
    {
        foreach (var (token, fragment) in _tokens)
        {
            sql = sql.Replace(token, fragment, StringComparison.Ordinal);
        }
        // Dapper expands "IN @list" itself, except on Npgsql, where it sends one array parameter.
        return InList().Replace(sql, Provider == DatabaseProvider.Postgres ? "= ANY(@$1)" : "IN @$1");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{in:(\w+)\}")]
    private static partial System.Text.RegularExpressions.Regex InList();
}
