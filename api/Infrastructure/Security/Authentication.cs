using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Jiceng.Infrastructure.Security;

/// <summary>
/// Re-reads a signed-in user on every request (implemented by Accounts): a disabled user or a changed
/// password (new security stamp) ends the session at once, and role or scope changes apply immediately.
/// </summary>
public interface ISessionValidator
{
    Task<ClaimsPrincipal?> RefreshAsync(ClaimsPrincipal principal, CancellationToken cancellationToken);
}

/// <summary>Finds the API client of a key (implemented by Accounts); null when unknown or revoked.</summary>
public interface IApiKeyValidator
{
    Task<ClaimsPrincipal?> AuthenticateAsync(string apiKey, CancellationToken cancellationToken);
}

public static class AuthenticationSchemes
{
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string ApiKey = "ApiKey";
    public const string CookieOrApiKey = "CookieOrApiKey";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string CookieName = "jiceng.session";
}

/// <summary>Authenticates third-party systems by the <c>X-Api-Key</c> header.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiKeyValidator keys
) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers[AuthenticationSchemes.ApiKeyHeader].ToString();
        if (string.IsNullOrEmpty(key))
        {
            return AuthenticateResult.NoResult();
        }
        var principal = await keys.AuthenticateAsync(key, Context.RequestAborted);
        return principal is null
            ? AuthenticateResult.Fail("Unknown or revoked API key.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}

public static class AuthenticationSetup
{
    public static IServiceCollection AddJicengAuthentication(
        this IServiceCollection services,
        IWebHostEnvironment environment
    )
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CallerAccessor>();
        services.AddScoped<CurrentScope>();
        services
            .AddAuthentication(AuthenticationSchemes.CookieOrApiKey)
            .AddPolicyScheme(
                AuthenticationSchemes.CookieOrApiKey,
                "Cookie or API key",
                policy =>
                    policy.ForwardDefaultSelector = context =>
                        context.Request.Headers.ContainsKey(AuthenticationSchemes.ApiKeyHeader)
                            ? AuthenticationSchemes.ApiKey
                            : AuthenticationSchemes.Cookie
            )
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthenticationSchemes.ApiKey, null)
            .AddCookie(
                AuthenticationSchemes.Cookie,
                cookie =>
                {
                    cookie.Cookie.Name = AuthenticationSchemes.CookieName;
                    cookie.Cookie.HttpOnly = true;
                    cookie.Cookie.SameSite = SameSiteMode.Strict;
                    cookie.Cookie.SecurePolicy =
                        environment.IsDevelopment() || environment.IsEnvironment("Testing")
                            ? CookieSecurePolicy.SameAsRequest
                            : CookieSecurePolicy.Always;
                    cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                    cookie.SlidingExpiration = true;
                    // An API answers 401/403 (as ProblemDetails through the status-code pages), never a redirect.
                    cookie.Events.OnRedirectToLogin = context =>
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        return Task.CompletedTask;
                    };
                    cookie.Events.OnRedirectToAccessDenied = context =>
                    {
                        context.Response.StatusCode = StatusCodes.Status403Forbidden;
                        return Task.CompletedTask;
                    };
                    cookie.Events.OnValidatePrincipal = async context =>
                    {
                        var sessions = context.HttpContext.RequestServices.GetRequiredService<ISessionValidator>();
                        var refreshed = await sessions.RefreshAsync(
                            context.Principal!,
                            context.HttpContext.RequestAborted
                        );
                        if (refreshed is null)
                        {
                            context.RejectPrincipal();
                            await context.HttpContext.SignOutAsync(AuthenticationSchemes.Cookie);
                        }
                        else
                        {
                            context.ReplacePrincipal(refreshed);
                        }
                    };
                }
            );

        services.AddAuthorization(authorization =>
        {
            // Deny by default: a route is open only if it says so.
            authorization.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .Build();
            foreach (var permission in Permissions.All)
            {
                authorization.AddPolicy(
                    permission,
                    policy => policy.RequireAuthenticatedUser().RequireClaim(JicengClaims.Permission, permission)
                );
            }
        });
        return services;
    }
}
