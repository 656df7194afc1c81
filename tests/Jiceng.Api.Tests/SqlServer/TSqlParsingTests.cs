using System.Reflection;
using System.Text.RegularExpressions;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Initialization;
using FluentMigrator.Runner.Processors;
using Jiceng.Infrastructure.Database;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Jiceng.Tests.SqlServer;

/// <summary>
/// No SQL Server runs here, so every statement the SQL Server provider would send is parsed with
/// Microsoft's own T-SQL parser: each handler's SQL rendered through the SQL Server dialect, and the DDL
/// FluentMigrator generates for the migrations.
/// </summary>
public sealed partial class TSqlParsingTests
{
    private static readonly Assembly Api = typeof(DbSession).Assembly;

    public static IEnumerable<TestCaseData> HandlerStatements() =>
        Api.GetTypes()
            .SelectMany(t =>
                t.GetFields(
                    BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly
                )
            )
            .Where(f =>
                f.IsLiteral && f.FieldType == typeof(string) && f.Name.EndsWith("Sql", StringComparison.Ordinal)
            )
            .Where(f => !f.Name.StartsWith("Sqlite", StringComparison.Ordinal))
            .Select(f =>
                new TestCaseData((string)f.GetRawConstantValue()!).SetName($"Parses {f.DeclaringType!.Name}.{f.Name}")
            );

    [Test]
    public void Every_handler_statement_is_collected() => Assert.That(HandlerStatements().Count(), Is.GreaterThan(60));

    [TestCaseSource(nameof(HandlerStatements))]
    public void Handler_sql_parses_as_tsql(string sql)
    {
        var rendered = SqlDialect.SqlServer.Render(sql).Replace("{orderBy}", "id ASC", StringComparison.Ordinal);
        // Dapper expands "IN @list" into "IN (@list1, @list2, …)" before sending.
        rendered = DapperList().Replace(rendered, "IN (@$1)");
        AssertParses(rendered);
    }

    [Test]
    public void Migration_ddl_for_sql_server_parses_as_tsql()
    {
        var captured = new CapturedSql();
        using (
            var services = new ServiceCollection()
                .AddLogging(logging => logging.AddProvider(captured))
                .AddFluentMigratorCore()
                .ConfigureRunner(runner =>
                    runner
                        .AddSqlServer2016()
                        .WithGlobalConnectionString("Server=none;Database=none")
                        .ScanIn(Api)
                        .For.Migrations()
                )
                .Configure<RunnerOptions>(o => o.NoConnection = true)
                .Configure<ProcessorOptions>(o => o.PreviewOnly = true)
                .Configure<SelectingProcessorAccessorOptions>(o => o.ProcessorId = Migrator.ProcessorIds.SqlServer)
                .BuildServiceProvider()
        )
        {
            using var scope = services.CreateScope();
            scope.ServiceProvider.GetRequiredService<IMigrationRunner>().MigrateUp();
        }
        var statements = captured.Statements.ToList();
        Assert.That(
            statements.Count(s => s.StartsWith("CREATE TABLE", StringComparison.Ordinal)),
            Is.GreaterThanOrEqualTo(10),
            string.Join("\n", statements)
        );
        Assert.That(
            statements,
            Has.Some.Contains("COLLATE Latin1_General_BIN2"),
            "the path column is compared byte by byte"
        );
        foreach (var statement in statements)
        {
            AssertParses(statement);
        }
    }

    private static void AssertParses(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        Assert.That(
            errors,
            Is.Empty,
            () => sql + "\n" + string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}"))
        );
    }

    [GeneratedRegex(@"IN @(\w+)")]
    private static partial Regex DapperList();

    /// <summary>Collects the SQL the connectionless processor announces instead of executing.</summary>
    private sealed class CapturedSql : ILoggerProvider, ILogger
    {
        private static readonly Regex Statement = new(
            @"^\s*(CREATE|ALTER|INSERT|UPDATE|DELETE|DROP|EXEC)\b",
            RegexOptions.IgnoreCase
        );

        public List<string> Statements { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        )
        {
            var message = formatter(state, exception);
            if (Statement.IsMatch(message))
            {
                Statements.Add(message.Trim());
            }
        }

        public void Dispose() { }
    }
}
