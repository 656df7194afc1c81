namespace Jiceng.Infrastructure.Security;

/// <summary>Bound from <c>Cors</c>: origins of a separately
/// hosted SPA that may call the API with credentials.</summary>
public sealed class CorsOptions
{
    public string[] AllowedOrigins { get; set; } = [];
}

/// <summary>
/// Headers every response carries: a Content-Security-Policy fit for the SPA and Swagger UI (scripts only
/// from this origin; inline styles for Ant Design's CSS-in-JS), no sniffing, no framing, no referrer; and
/// Strict-Transport-Security when TLS ends at a proxy in front (<c>Http:BehindTlsProxy</c>).
/// </summary>
public sealed class SecurityHeadersMiddleware(
    RequestDelegate next,
    Microsoft.Extensions.Options.IOptions<Http.TlsProxyOptions> tls
)
{
    // Without includeSubDomains or preload: other hosts of the domain may not serve HTTPS, and preload is the
    // operator's decision.
    private readonly string? _strictTransportSecurity = tls.Value.BehindTlsProxy
        ? "max-age="
            + ((long)tls.Value.HstsMaxAgeDays * 86_400).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : null;

    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' "
        + "'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        if (_strictTransportSecurity is not null)
        {
            headers.StrictTransportSecurity = _strictTransportSecurity;
        }
        return next(context);
    }
}
