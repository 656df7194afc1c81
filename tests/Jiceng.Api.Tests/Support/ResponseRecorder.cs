using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jiceng.Tests.Support;

/// <summary>
/// Every answer any test's API gave, by operation (method and route pattern as the OpenAPI document spells it) and
/// status, with one example request; checked against the document so that what the API says it answers and what
/// it does answer cannot drift apart.
/// </summary>
public static partial class ResponseRecorder
{
    private static readonly ConcurrentDictionary<(string Method, string Path, int Status), string> Seen = new();

    public static IReadOnlyDictionary<(string Method, string Path, int Status), string> Responses => Seen;

    /// <summary>"/api/v1/members/{id:guid}/" → "/api/v1/members/{id}".</summary>
    public static string DocumentPath(string routePattern)
    {
        var path = Constraint().Replace(routePattern, "{$1}");
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    /// <summary>The statuses seen that the document does not list for their operation (operations it lacks are
    /// ignored: health, SPA).</summary>
    public static List<string> Undocumented(JsonElement document)
    {
        var paths = document.GetProperty("paths");
        var missing = new List<string>();
        foreach (
            var ((method, path, status), example) in Seen.OrderBy(s => s.Key.Path)
                .ThenBy(s => s.Key.Method)
                .ThenBy(s => s.Key.Status)
        )
        {
            if (
                paths.TryGetProperty(path, out var item)
                && item.TryGetProperty(method.ToLowerInvariant(), out var operation)
                && !operation
                    .GetProperty("responses")
                    .TryGetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out _)
            )
            {
                missing.Add(
                    $"{method} {path} answered {status} (e.g. {example}) but documents only "
                        + string.Join(", ", operation.GetProperty("responses").EnumerateObject().Select(r => r.Name))
                );
            }
        }
        return missing;
    }

    [GeneratedRegex(@"\{\*{0,2}([^}:=?]+)[^}]*\}")]
    private static partial Regex Constraint();

    /// <summary>Outermost middleware of the test host: records
    /// the operation and the final status of each answer.</summary>
    internal sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
            app =>
            {
                app.Use(
                    async (context, nextMiddleware) =>
                    {
                        try
                        {
                            await nextMiddleware(context);
                        }
                        finally
                        {
                            // The exception handler clears the endpoint before
                            // it writes the problem; its feature keeps it.
                            var chosen =
                                context.GetEndpoint()
                                ?? context
                                    .Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()
                                    ?.Endpoint;
                            if (
                                chosen is RouteEndpoint endpoint
                                && context.Response.StatusCode != 499
                                && !context.RequestAborted.IsCancellationRequested
                            )
                            {
                                Seen.TryAdd(
                                    (
                                        context.Request.Method,
                                        DocumentPath(endpoint.RoutePattern.RawText ?? ""),
                                        context.Response.StatusCode
                                    ),
                                    context.Request.Method + " " + context.Request.Path
                                );
                            }
                        }
                    }
                );
                next(app);
            };
    }
}
