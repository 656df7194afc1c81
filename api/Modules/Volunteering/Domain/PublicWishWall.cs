using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Jiceng.Modules.Volunteering.Domain;

/// <summary>Bound from <c>RateLimiting</c>: how often one client address may read the public wish wall.</summary>
internal sealed class PublicWishWallOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Reads per client address per minute: a person browses a few pages; a scraper is held back.</summary>
    public int PublicWishWallPermitLimit { get; set; } = 30;
}

/// <summary>
/// The anonymous wall's own rate limit, added to the existing limiter as a named policy (as sign-in's is): a fixed
/// window per client address, on top of the global per-address limit, answered with the same 429.
/// </summary>
internal static class PublicWishWall
{
    public const string RateLimitPolicy = "public-wish-wall";

    public static IServiceCollection AddPublicWishWallRateLimit(this IServiceCollection services)
    {
        services.AddOptions<PublicWishWallOptions>().BindConfiguration("RateLimiting");
        services.AddRateLimiter(limiter =>
            limiter.AddPolicy(
                RateLimitPolicy,
                context =>
                {
                    var options = context.RequestServices.GetRequiredService<IOptions<PublicWishWallOptions>>().Value;
                    return !options.Enabled
                        ? RateLimitPartition.GetNoLimiter("public-wish-wall:off")
                        : RateLimitPartition.GetFixedWindowLimiter(
                            "public-wish-wall:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                            _ => new FixedWindowRateLimiterOptions
                            {
                                PermitLimit = options.PublicWishWallPermitLimit,
                                Window = TimeSpan.FromMinutes(1),
                                QueueLimit = 0,
                            }
                        );
                }
            )
        );
        return services;
    }
}
