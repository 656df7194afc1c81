using Microsoft.Extensions.FileProviders;

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
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // Hashed assets never change; index.html must always be revalidated.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                context.File.Name == "index.html" ? "no-cache" : "public, max-age=31536000, immutable",
        });
        return app;
    }

    /// <summary>index.html for client-side routes, mapped after every module so API routes win.</summary>
    public static WebApplication MapSpaFallback(this WebApplication app)
    {
        if (Files(app) is { } files)
        {
            app.MapFallbackToFile("{*path:regex(^(?!api/|api$|swagger|health).*$)}", "index.html", new StaticFileOptions { FileProvider = files })
                .WithMetadata(new Security.PublicEndpoint())
                .AllowAnonymous();
        }
        return app;
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
