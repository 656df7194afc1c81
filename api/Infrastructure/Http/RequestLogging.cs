using System.Diagnostics;

namespace Jiceng.Infrastructure.Http;

/// <summary>
/// One structured log line per request (method, route pattern, status, milliseconds) inside a scope
/// carrying the request id, which is echoed as <c>X-Request-Id</c> and in every ProblemDetails.
/// Query strings and bodies are never logged: they may hold personal data.
/// </summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public const string HeaderName = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[HeaderName].ToString();
        if (
            incoming.Length is > 0 and <= 64
            && incoming.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':')
        )
        {
            context.TraceIdentifier = incoming;
        }
        context.Response.Headers[HeaderName] = context.TraceIdentifier;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = context.TraceIdentifier });
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value;
            logger.LogInformation(
                "HTTP {Method} {Route} responded {StatusCode} in {ElapsedMs:0.0} ms",
                context.Request.Method,
                route,
                context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds
            );
        }
    }
}

/// <summary>
/// "No query string and no body in any log line, at any level" held by construction rather than by the level
/// someone configures: the ASP.NET Core categories that write request URLs or request lines (hosting's "Request
/// starting GET …?q=…", HTTP logging, Kestrel's bad-request lines) are capped at Warning after every other logging
/// rule is read, for every provider named in those rules, and more specific rules for them are dropped.
/// <see cref="RequestLoggingMiddleware"/> already logs each request by its route pattern.
/// </summary>
public static class LogPrivacy
{
    public static readonly IReadOnlyList<string> UrlLoggingCategories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "Microsoft.AspNetCore.HttpLogging",
        "Microsoft.AspNetCore.Server.Kestrel.BadRequests",
    ];

    public static void Apply(LoggerFilterOptions options)
    {
        var providers = options.Rules.Select(r => r.ProviderName).Append(null).Distinct().ToList();
        var rules = options
            .Rules.Where(r =>
                !UrlLoggingCategories.Any(c =>
                    r.CategoryName?.StartsWith(c, StringComparison.OrdinalIgnoreCase) == true
                )
            )
            .ToList();
        options.Rules.Clear();
        foreach (var rule in rules)
        {
            options.Rules.Add(rule);
        }
        foreach (var provider in providers)
        {
            foreach (var category in UrlLoggingCategories)
            {
                options.Rules.Add(new LoggerFilterRule(provider, category, LogLevel.Warning, filter: null));
            }
        }
    }
}
