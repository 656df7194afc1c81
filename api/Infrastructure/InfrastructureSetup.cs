using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.OpenApi;
using Jiceng.Infrastructure.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jiceng.Infrastructure;

/// <summary>Bound from <c>Http</c>: request size limits.</summary>
public sealed class HttpLimitsOptions
{
    public long MaxRequestBodyBytes { get; set; } = 1_048_576;
}

/// <summary>Registers and orders the cross-cutting services every module relies on.</summary>
public static class InfrastructureSetup
{
    public static WebApplicationBuilder AddInfrastructure(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.Configure<DatabaseOptions>(options =>
        {
            configuration.GetSection("Database").Bind(options);
            options.ConnectionString = configuration.GetConnectionString("Default") ?? options.ConnectionString;
        });
        DapperTypeHandlers.Register();
        services.AddSingleton<DbConnectionFactory>();
        services.AddScoped<DbSession>();
        // A demo seeder may set it back for its own flow (DemoClock); every request reads the system clock.
        services.AddSingleton<TimeProvider>(new DemoClock(TimeProvider.System));

        services.AddValidatorsFromAssemblyContaining<DbSession>(ServiceLifetime.Singleton, includeInternalTypes: true);
        // Errors stay keyed by the JSON field (the SPA binds on it); their texts name the field as its form does.
        Mediation.ValidationText.Configure();

        var limits = configuration.GetSection("Http").Get<HttpLimitsOptions>() ?? new HttpLimitsOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
            kestrel.AddServerHeader = false;
        });
        services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = limits.MaxRequestBodyBytes);
        // Made by the container (not handed to it), so it is disposed with the application.
        services.AddSingleton(_ => new RequestConcurrencyLimiter(
            configuration.GetSection("Http").Get<RequestConcurrencyOptions>() ?? new RequestConcurrencyOptions()
        ));

        services.PostConfigure<LoggerFilterOptions>(LogPrivacy.Apply);
        services.ConfigureHttpJsonOptions(json =>
        {
            ConfigureJson(json.SerializerOptions);
            // Request text arrives trimmed of whitespace and invisible characters, so "required" means visible.
            Primitives.VisibleText.TrimRequestStrings(json.SerializerOptions);
        });
        // Binding failures (malformed JSON, wrong types) throw, so the exception handler can name the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        services.AddProblemDetails(options =>
            options.CustomizeProblemDetails = context =>
            {
                context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
                // Problems written by the status-code pages (no route, wrong method) get the same language as ours.
                if (context.Exception is null && context.ProblemDetails.Status is 404 or 405)
                {
                    context.ProblemDetails.Title =
                        context.ProblemDetails.Status == 404
                            ? Localized.Text("未找到", "Not found")
                            : Localized.Text("不支持该请求方法", "Method not allowed");
                }
                context.ProblemDetails.Extensions["requestId"] = context.HttpContext.TraceIdentifier;
            }
        );
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            CultureInfo[] cultures = [new("zh-CN"), new("en-US")];
            options.DefaultRequestCulture = new RequestCulture("zh-CN");
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentUICultures = true;
            options.FallBackToParentCultures = true;
        });

        services.AddJicengAuthentication(builder.Environment);
        services.AddScoped<Security.AuditTrail>();
        services.AddScoped<Security.AuditWriter>();
        services.AddScoped<Security.PersonalDataReveal>();
        services.Configure<Security.PersonalDataOptions>(configuration.GetSection("Security"));
        services.Configure<IdempotencyOptions>(configuration.GetSection("Idempotency"));
        services.AddSingleton<Security.PersonalDataProtector>();
        services.AddJicengDataProtection();
        var cors = configuration.GetSection("Cors").Get<Security.CorsOptions>() ?? new Security.CorsOptions();
        services.AddCors(options =>
            options.AddDefaultPolicy(policy =>
                policy
                    .WithOrigins(cors.AllowedOrigins)
                    .AllowCredentials()
                    .AllowAnyHeader()
                    .AllowAnyMethod()
                    .WithExposedHeaders("ETag", "Location", "X-Request-Id")
            )
        );
        services.AddJicengRateLimiting(configuration);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddHostedService<IdempotencyCleanupService>();
        services.AddJicengSwagger();
        services.AddJicengTlsProxy(configuration);
        // API answers are compressed on the fly at the fastest level (a 200-member page: 80 KB of JSON, a tenth of it
        // compressed). Over HTTPS too: no answer carries a secret beside text an attacker chooses (BREACH), except the
        // one-time API key, whose route is excluded.
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
            options.MimeTypes = ["application/json", "application/problem+json", "text/csv", "text/plain"];
        });
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(options =>
            options.Level = System.IO.Compression.CompressionLevel.Fastest
        );
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(options =>
            options.Level = System.IO.Compression.CompressionLevel.Fastest
        );
        return builder;
    }

    /// <summary>A new set of the API's JSON options, for code that
    /// serializes outside a request (stored documents, audit).</summary>
    public static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions();
        ConfigureJson(options);
        return options;
    }

    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.Converters.Add(new JsonStringEnumConverter());
        json.Converters.Add(new Primitives.BoundedDateOnlyConverter());
        // Unknown fields are refused rather than ignored: no field a caller may not set slips through.
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.NumberHandling = JsonNumberHandling.Strict;
    }

    public static WebApplication UseInfrastructure(this WebApplication app)
    {
        app.UseJicengTlsProxy();
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseMiddleware<Security.SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api/v1/api-clients"),
            branch => branch.UseResponseCompression()
        );
        app.UseRequestLocalization();
        // Health probes answer before routing and authentication: they are anonymous and must not depend on the
        // caller, and checking a session cookie or an API key reads the database, which is what readiness reports on.
        app.UseHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        app.UseHealthChecks(
            ReadyPath,
            new HealthCheckOptions
            {
                Predicate = check => check.Tags.Contains("ready"),
                ResponseWriter = WriteReadiness,
            }
        );
        // Public resources come first: before routing, because static files step aside once an endpoint
        // (the SPA fallback matches everything) is chosen; before authorization, whose deny-by-default
        // policy also refuses requests that match no endpoint.
        app.UseSpaStaticFiles();
        app.UseJicengSwagger();
        app.UseRouting();
        // After routing, so the answer belongs to its operation
        // (and is documented there); before anything reads a body.
        app.UseMiddleware<JsonCharsetMiddleware>();
        app.UseCors();
        // Before anything that reads the database (authentication does): waiting here holds no connection.
        app.UseMiddleware<RequestConcurrencyMiddleware>();
        app.UseAuthentication();
        // After authentication, so limits apply per user and per API key, not only per address.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyMiddleware>();

        return app;
    }

    private const string LivePath = "/health/live";
    private const string ReadyPath = "/health/ready";

    /// <summary>The default plain-text status, plus Retry-After while not ready (503) like every other 503.</summary>
    private static Task WriteReadiness(HttpContext context, HealthReport report)
    {
        if (report.Status == HealthStatus.Unhealthy)
        {
            context.Response.Headers.RetryAfter = ProblemDetailsExceptionHandler.DatabaseRetryAfterSeconds.ToString(
                CultureInfo.InvariantCulture
            );
        }
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(report.Status.ToString());
    }
}
