namespace Jiceng.Infrastructure.Database;

/// <summary>The relational engines the API runs on; one migration set and one SQL dialect each.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

/// <summary>Bound from the <c>Database</c> section and <c>ConnectionStrings:Default</c>.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>ADO.NET connection string; when empty on SQLite, <c>Data Source=data/jiceng.db</c>.</summary>
    public string ConnectionString { get; set; } = "";

    internal string EffectiveConnectionString =>
        string.IsNullOrWhiteSpace(ConnectionString) && Provider == DatabaseProvider.Sqlite
            ? "Data Source=data/jiceng.db"
            : ConnectionString;
}
