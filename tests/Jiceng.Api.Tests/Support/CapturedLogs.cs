using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Jiceng.Tests.Support;

/// <summary>Keeps what the API logs, so a failing test can show the server's side of a 500.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyCollection<string> Entries => _entries;

    /// <summary>The least level kept; a fixture that checks what every level would write lowers it to Trace.</summary>
    public LogLevel Minimum { get; set; } = LogLevel.Information;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            // Scopes are log text too (a console or JSON line prints them): kept as entries of their own.
            if (owner.Minimum <= LogLevel.Trace)
            {
                owner._entries.Enqueue($"Scope {category}: {state}");
            }
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner.Minimum;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        )
        {
            if (IsEnabled(logLevel))
            {
                owner._entries.Enqueue(
                    $"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}"
                );
            }
        }
    }
}
