using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Jiceng.Infrastructure.Http;

/// <summary>
/// Settles the charset of a JSON request body before any endpoint binds it. HTTP allows the parameter quoted
/// (<c>charset="utf-8"</c>) and in any case, which ASP.NET Core's JSON reader cannot look up (it threw, a 500);
/// so a UTF-8 charset in any spelling is rewritten to the plain one, and any other charset is 415: JSON is UTF-8
/// (RFC 8259), and transcoding from whatever a client names (UTF-7 smuggles markup) is no service worth giving.
/// </summary>
public sealed class JsonCharsetMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var contentType = context.Request.ContentType;
        if (
            contentType is null
            || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !IsJson(mediaType)
            || !mediaType.Charset.HasValue
        )
        {
            await next(context);
            return;
        }
        var charset = HeaderUtilities.RemoveQuotes(mediaType.Charset).Trim().ToString();
        if (
            !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
        )
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(
                new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status415UnsupportedMediaType,
                        Title = Localized.Text("不支持的字符集", "Unsupported charset"),
                        Detail = Localized.Text(
                            "JSON 请求体须为 UTF-8 编码（charset=utf-8）。",
                            "A JSON request body must be UTF-8 (charset=utf-8)."
                        ),
                    },
                }
            );
            return;
        }
        mediaType.Charset = "utf-8";
        context.Request.ContentType = mediaType.ToString();
        await next(context);
    }

    private static bool IsJson(MediaTypeHeaderValue mediaType) =>
        mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
}
