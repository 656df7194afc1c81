using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Jiceng.Tests.Unit;

public sealed class RequestConcurrencyTests
{
    private ServiceProvider _services = null!;

    [SetUp]
    public void CreateServices() =>
        _services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();

    [TearDown]
    public void DisposeServices() => _services.Dispose();

    [TestCase(2)]
    [TestCase(1)]
    public async Task Requests_past_the_limit_wait_their_turn_in_arrival_order(int limit)
    {
        using var limiter = new RequestConcurrencyLimiter(
            new RequestConcurrencyOptions { MaxConcurrentRequests = limit }
        );
        var running = 0;
        var mostAtOnce = 0;
        var started = new List<int>();
        var release = new TaskCompletionSource();
        var middleware = new RequestConcurrencyMiddleware(
            async context =>
            {
                var now = Interlocked.Increment(ref running);
                lock (started)
                {
                    started.Add((int)context.Items["n"]!);
                    mostAtOnce = Math.Max(mostAtOnce, now);
                }
                await release.Task;
                Interlocked.Decrement(ref running);
                context.Response.StatusCode = 200;
            },
            limiter
        );

        var requests = Enumerable.Range(1, 6).Select(n => Request(n)).ToList();
        var calls = requests.Select(middleware.InvokeAsync).ToList();
        Assert.That(started, Is.EquivalentTo(Enumerable.Range(1, limit)), "the first run, the others wait");
        release.SetResult();
        await Task.WhenAll(calls);

        Assert.Multiple(() =>
        {
            Assert.That(mostAtOnce, Is.EqualTo(limit));
            // One at a time the turns follow arrival exactly; with more, those let in together may start in any order.
            var everyRequest = Enumerable.Range(1, 6).ToList();
            Assert.That(started, limit == 1 ? Is.EqualTo(everyRequest) : Is.EquivalentTo(everyRequest));
            Assert.That(requests.Select(r => r.Response.StatusCode), Is.All.EqualTo(200));
        });
    }

    [Test]
    public async Task A_request_finding_the_queue_full_is_503_with_retry_after_and_is_not_run()
    {
        using var limiter = new RequestConcurrencyLimiter(
            new RequestConcurrencyOptions { MaxConcurrentRequests = 1, RequestQueueLimit = 1 }
        );
        var endpoint = new HeldEndpoint();
        var middleware = new RequestConcurrencyMiddleware(endpoint.Run, limiter);

        var running = middleware.InvokeAsync(Request(1));
        var queued = middleware.InvokeAsync(Request(2));
        // The middleware refuses by exception; the app's exception handler, earlier in the pipeline, answers it.
        var refused = Request(3);
        var busy = Assert.ThrowsAsync<ServerBusyException>(() => middleware.InvokeAsync(refused))!;
        await new ProblemDetailsExceptionHandler(
            _services.GetRequiredService<IProblemDetailsService>(),
            NullLogger<ProblemDetailsExceptionHandler>.Instance
        ).TryHandleAsync(refused, busy, CancellationToken.None);

        refused.Response.Body.Position = 0;
        var problem = JsonDocument.Parse(await new StreamReader(refused.Response.Body).ReadToEndAsync()).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(refused.Response.StatusCode, Is.EqualTo(503));
            Assert.That(refused.Response.Headers.RetryAfter.ToString(), Is.EqualTo("1"));
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(503));
            Assert.That(endpoint.Entered, Is.EqualTo(1), "the refused request never reached the endpoint");
        });
        endpoint.Release();
        await Task.WhenAll(running, queued);
        Assert.That(endpoint.Entered, Is.EqualTo(2), "the queued request ran once the first ended");
    }

    [Test]
    public async Task A_limit_of_zero_lets_every_request_through_at_once()
    {
        using var limiter = new RequestConcurrencyLimiter(new RequestConcurrencyOptions { MaxConcurrentRequests = 0 });
        var endpoint = new HeldEndpoint();
        var middleware = new RequestConcurrencyMiddleware(endpoint.Run, limiter);

        var calls = Enumerable.Range(1, 50).Select(n => middleware.InvokeAsync(Request(n))).ToList();
        Assert.That(endpoint.Entered, Is.EqualTo(50));
        endpoint.Release();
        await Task.WhenAll(calls);
    }

    [Test]
    public void Unset_the_limit_is_four_requests_per_processor() =>
        Assert.That(new RequestConcurrencyOptions().EffectiveLimit, Is.EqualTo(4 * Environment.ProcessorCount));

    [Test]
    public void PostgreSQL_connections_prepare_statements_and_skip_the_reset_unless_told_otherwise()
    {
        var defaults = new NpgsqlConnectionStringBuilder(
            DbConnectionFactory.WithPostgresDefaults("Host=db;Username=jiceng;Maximum Pool Size=20")
        );
        var chosen = new NpgsqlConnectionStringBuilder(
            DbConnectionFactory.WithPostgresDefaults("Host=db;MaxAutoPrepare=0;no reset on close=false")
        );
        Assert.Multiple(() =>
        {
            Assert.That(defaults.MaxAutoPrepare, Is.EqualTo(DbConnectionFactory.PostgresMaxAutoPrepare));
            Assert.That(defaults.NoResetOnClose, Is.True);
            Assert.That(defaults.MaxPoolSize, Is.EqualTo(20), "the rest of the string is kept");
            Assert.That(chosen.MaxAutoPrepare, Is.Zero);
            Assert.That(chosen.NoResetOnClose, Is.False);
        });
    }

    /// <summary>An endpoint that counts the requests reaching it and keeps them until released.</summary>
    private sealed class HeldEndpoint
    {
        private readonly TaskCompletionSource _release = new();
        private int _entered;

        public int Entered => Volatile.Read(ref _entered);

        public async Task Run(HttpContext context)
        {
            Interlocked.Increment(ref _entered);
            await _release.Task;
        }

        public void Release() => _release.SetResult();
    }

    private DefaultHttpContext Request(int n)
    {
        var context = new DefaultHttpContext { RequestServices = _services };
        context.Items["n"] = n;
        context.Response.Body = new MemoryStream();
        return context;
    }
}
