using System.Threading.RateLimiting;

namespace Jiceng.Infrastructure.Http;

/// <summary>
/// How many API requests run at once in this process (<c>Http:MaxConcurrentRequests</c>, 0 for no limit) and how
/// many may wait for their turn (<c>Http:RequestQueueLimit</c>).
/// </summary>
public sealed class RequestConcurrencyOptions
{
    /// <summary>Unset: four per processor, which kept a 2-core machine's payments fastest (see README).</summary>
    public int? MaxConcurrentRequests { get; set; }

    public int RequestQueueLimit { get; set; } = 2_000;

    public int EffectiveLimit => MaxConcurrentRequests ?? 4 * Environment.ProcessorCount;
}

/// <summary>
/// Lets a bounded number of API requests run at once; the others wait, in arrival order and without holding a thread
/// or a database connection, until one ends. Past that number requests only queue for the same processors and
/// database rows: sixty-four payments out of one fund running together made PostgreSQL wake every waiter of the
/// fund's row at each commit, and the thread pool and the database's backends took turns on two cores, so each
/// payment took longer and fewer were paid per second (226/s against 386/s with eight at a time, see README).
/// A request that finds the queue full is 503 with Retry-After; health checks, static files and Swagger are served
/// before routing and never wait here.
/// </summary>
public sealed class RequestConcurrencyMiddleware(RequestDelegate next, RequestConcurrencyLimiter limiter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (limiter.Limiter is not { } gate)
        {
            await next(context);
            return;
        }
        using var lease = await gate.AcquireAsync(1, context.RequestAborted);
        if (!lease.IsAcquired)
        {
            // The exception handler (earlier in the pipeline) answers it, as every other refusal.
            throw new ServerBusyException();
        }
        await next(context);
    }
}

/// <summary>The process's one limiter (none when the limit is 0), shared by every request.</summary>
public sealed class RequestConcurrencyLimiter : IDisposable
{
    public RequestConcurrencyLimiter(RequestConcurrencyOptions options)
    {
        if (options.EffectiveLimit > 0)
        {
            Limiter = new ConcurrencyLimiter(
                new ConcurrencyLimiterOptions
                {
                    PermitLimit = options.EffectiveLimit,
                    QueueLimit = Math.Max(0, options.RequestQueueLimit),
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                }
            );
        }
    }

    public ConcurrencyLimiter? Limiter { get; }

    public void Dispose() => Limiter?.Dispose();
}
