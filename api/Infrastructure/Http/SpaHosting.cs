using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Jiceng.Infrastructure.Http;

/// <summary>
/// Serves the built SPA (<c>Spa:Root</c>, e.g. web/dist) from the API's port: static files, and
/// index.html for client-side routes. /api, /swagger and /health are never answered with the page,
/// so an unknown API route stays a 404 problem.
/// </summary>
public static class SpaHosting
{
    /// <summary>Static files of the built SPA, before authorization (they are public).</summary>
    public static WebApplication UseSpaStaticFiles(this WebApplication app)
    {
        if (Files(app) is not { } files)
        {
            return app;
        }
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.Use(
            (context, next) =>
            {
                ServePrecompressed(context, files);
                return next(context);
            }
        );
        app.UseStaticFiles(
            new StaticFileOptions
            {
                FileProvider = files,
                ContentTypeProvider = new PrecompressedContentTypes(),
                // Hashed assets never change; index.html must always be revalidated.
                OnPrepareResponse = context =>
                    context.Context.Response.Headers.CacheControl =
                        context.File.Name == "index.html" ? "no-cache" : "public, max-age=31536000, immutable",
            }
        );
        return app;
    }

    /// <summary>index.html for client-side routes, mapped after every module so API routes win.</summary>
    public static WebApplication MapSpaFallback(this WebApplication app)
    {
        if (Files(app) is { } files)
        {
            app.MapFallbackToFile(
                    "{*path:regex(^(?!api/|api$|swagger|health).*$)}",
                    "index.html",
                    new StaticFileOptions { FileProvider = files }
                )
                .WithMetadata(new Security.PublicEndpoint())
                .AllowAnonymous();
        }
        return app;
    }

    /// <summary>
    /// The build writes each asset also as .br and .gz (compressed once, at the highest level); a request for the
    /// asset is answered with the smallest variant the browser accepts, so nothing is compressed per request.
    /// </summary>
    private static void ServePrecompressed(HttpContext context, PhysicalFileProvider files)
    {
        var path = context.Request.Path.Value;
        // Only a file name can have a compressed twin: API routes, which have none, never touch the disk here.
        if (
            !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            || path is null
            || !Path.HasExtension(path)
            || context.Request.Path.StartsWithSegments("/api")
            || !files.GetFileInfo(path).Exists
        )
        {
            return;
        }
        var accepted = context.Request.Headers.AcceptEncoding.ToString();
        foreach (var (encoding, extension) in Precompressed)
        {
            if (
                accepted.Contains(encoding, StringComparison.OrdinalIgnoreCase)
                && files.GetFileInfo(path + extension).Exists
            )
            {
                context.Request.Path = path + extension;
                context.Response.Headers.ContentEncoding = encoding;
                context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
                return;
            }
        }
    }

    private static readonly (string Encoding, string Extension)[] Precompressed = [("br", ".br"), ("gzip", ".gz")];

    /// <summary>
    /// Types by the name under the compression suffix: app.js.br is JavaScript, sent with its encoding.
    /// </summary>
    private sealed class PrecompressedContentTypes : IContentTypeProvider
    {
        private readonly FileExtensionContentTypeProvider types = new();

        public bool TryGetContentType(string subpath, out string contentType)
        {
            foreach (var (_, extension) in Precompressed)
            {
                if (subpath.EndsWith(extension, StringComparison.Ordinal))
                {
                    subpath = subpath[..^extension.Length];
                    break;
                }
            }
            return types.TryGetContentType(subpath, out contentType!);
        }
    }

    private static PhysicalFileProvider? Files(WebApplication app)
    {
        var root = app.Configuration["Spa:Root"];
        if (string.IsNullOrWhiteSpace(root))
        {
            return null;
        }
        var fullRoot = Path.GetFullPath(root);
        if (!File.Exists(Path.Combine(fullRoot, "index.html")))
        {
            app.Logger.LogWarning("Spa:Root {Root} has no index.html; the SPA is not served", fullRoot);
            return null;
        }
        return new PhysicalFileProvider(fullRoot);
    }
}
