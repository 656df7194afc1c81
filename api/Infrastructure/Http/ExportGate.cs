using System.Collections.Concurrent;
using Jiceng.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace Jiceng.Infrastructure.Http;

/// <summary>Bound from <c>Security</c>: how many exports one caller may have running at once.</summary>
public sealed class ExportOptions
{
    public int ConcurrentExportsPerCaller { get; set; } = 2;
}

/// <summary>
/// Counts the exports each caller has running in this process. An export holds up to 50,000 rows and their file in
/// memory while it is built, so a caller who starts many at once would take the server's memory from everyone:
/// past <see cref="ExportOptions.ConcurrentExportsPerCaller"/> the next one is 429 with Retry-After. The count is per
/// instance (like ASP.NET Core's rate limiter); each instance protects its own memory.
/// </summary>
public sealed class ExportGate(IOptions<ExportOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _running = new(StringComparer.Ordinal);

    public static string KeyOf(Caller caller) => $"{caller.Kind}:{caller.Id}";

    /// <summary>Takes one of the caller's slots (429 when none is free); disposing the answer gives it back.</summary>
    public IDisposable Enter(string key)
    {
        var count = _running.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (count > options.Value.ConcurrentExportsPerCaller)
        {
            Leave(key);
            throw new TooManyRequestsException(TimeSpan.FromSeconds(10));
        }
        return new Slot(this, key);
    }

    /// <summary>How many exports the caller has running (for tests and diagnostics).</summary>
    public int Running(string key) => _running.GetValueOrDefault(key);

    private void Leave(string key)
    {
        // Drop the entry at zero so callers who exported once do not stay in memory.
        if (_running.AddOrUpdate(key, 0, (_, n) => n - 1) <= 0)
        {
            _running.TryRemove(new KeyValuePair<string, int>(key, 0));
        }
    }

    private sealed class Slot(ExportGate gate, string key) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                gate.Leave(key);
            }
        }
    }
}

public static class ExportGateExtensions
{
    /// <summary>
    /// Runs the export route inside one of the caller's export slots (429 with Retry-After when they have none free),
    /// held until the file has been written to the response.
    /// </summary>
    public static RouteHandlerBuilder WithExportLimit(this RouteHandlerBuilder builder) =>
        builder
            .AddEndpointFilter(
                async (context, next) =>
                {
                    var http = context.HttpContext;
                    var gate = http.RequestServices.GetRequiredService<ExportGate>();
                    var caller = http.RequestServices.GetRequiredService<CallerAccessor>().Current;
                    var slot = gate.Enter(ExportGate.KeyOf(caller));
                    // Released when the response is done (the file is written
                    // after the filter returns), or at once on failure.
                    http.Response.RegisterForDispose(slot);
                    return await next(context);
                }
            )
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
