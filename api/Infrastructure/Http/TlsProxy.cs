using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Jiceng.Infrastructure.Http;

/// <summary>
/// Bound from <c>Http</c>: whether TLS ends at a reverse proxy in front of the server. Then every response
/// carries Strict-Transport-Security (browsers only ever reach the site over HTTPS), and the proxy's
/// X-Forwarded-For and X-Forwarded-Proto are believed, from loopback and the listed proxies only, so rate
/// limits, sign-in locks and the audit log see the client's address rather than the proxy's.
/// </summary>
public sealed class TlsProxyOptions
{
    public bool BehindTlsProxy { get; set; }

    /// <summary>Addresses of proxies besides loopback whose forwarded headers are believed.</summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Strict-Transport-Security max-age (one year by default).</summary>
    public int HstsMaxAgeDays { get; set; } = 365;
}

public static class TlsProxySetup
{
    public static IServiceCollection AddJicengTlsProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Http").Get<TlsProxyOptions>() ?? new TlsProxyOptions();
        services.Configure<TlsProxyOptions>(configuration.GetSection("Http"));
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in options.TrustedProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so everything after it sees the client's address and scheme.</summary>
    public static WebApplication UseJicengTlsProxy(this WebApplication app)
    {
        if (app.Configuration.GetSection("Http").Get<TlsProxyOptions>() is { BehindTlsProxy: true })
        {
            app.UseForwardedHeaders();
        }
        return app;
    }
}
