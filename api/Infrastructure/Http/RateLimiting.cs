using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Infrastructure.Http;

/// <summary>Bound from <c>RateLimiting</c>: a fixed window per
/// client (address today; user or API key once signed in).</summary>
public sealed class RateLimitingOptions
{
    public bool Enabled { get; set; } = true;

    public int PermitLimit { get; set; } = 600;

    public int WindowSeconds { get; set; } = 60;

    /// <summary>Sign-in attempts per client address per minute (guessing passwords is slow work).</summary>
    public int SignInPermitLimit { get; set; } = 10;
}

public static class RateLimitingSetup
{
    /// <summary>The one 429 body, from the rate limiter and from per-caller quotas alike.</summary>
    public static ProblemDetails TooManyRequestsProblem() =>
        new()
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = Localized.Text("请求过于频繁", "Too many requests"),
            Detail = Localized.Text("请求过于频繁，请稍后再试。", "Too many requests; wait and try again."),
        };

    public const string SignInPolicy = "sign-in";

    public static IServiceCollection AddJicengRateLimiting(
        this IServiceCollection services,
        IConfiguration configuration
    )
    {
        var options = configuration.GetSection("RateLimiting").Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!options.Enabled || context.Request.Path.StartsWithSegments("/health"))
                {
                    return RateLimitPartition.GetNoLimiter("exempt");
                }
                // An API client has its own per-minute limit; a user or an address shares the configured one.
                if (int.TryParse(context.User.FindFirst(Security.JicengClaims.RateLimit)?.Value, out var perMinute))
                {
                    return RateLimitPartition.GetFixedWindowLimiter(
                        "client:" + context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = perMinute,
                            Window = TimeSpan.FromMinutes(1),
                            QueueLimit = 0,
                        }
                    );
                }
                var client =
                    context.User.Identity?.IsAuthenticated == true
                        ? "user:" + context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value
                        : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                return RateLimitPartition.GetFixedWindowLimiter(
                    client,
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.PermitLimit,
                        Window = TimeSpan.FromSeconds(options.WindowSeconds),
                        QueueLimit = 0,
                    }
                );
            });
            limiter.AddPolicy(
                SignInPolicy,
                context =>
                    RateLimitPartition.GetFixedWindowLimiter(
                        "sign-in:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = options.SignInPermitLimit,
                            Window = TimeSpan.FromMinutes(1),
                            QueueLimit = 0,
                        }
                    )
            );
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var http = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? wait
                    : TimeSpan.FromSeconds(options.WindowSeconds);
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    .ToString(CultureInfo.InvariantCulture);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await http
                    .RequestServices.GetRequiredService<IProblemDetailsService>()
                    .WriteAsync(
                        new ProblemDetailsContext { HttpContext = http, ProblemDetails = TooManyRequestsProblem() }
                    );
            };
        });
        return services;
    }
}
