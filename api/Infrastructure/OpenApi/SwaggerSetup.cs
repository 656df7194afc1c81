using System.Text.Json;
using System.Text.Json.Nodes;
using Jiceng.Infrastructure.Http;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Jiceng.Infrastructure.OpenApi;

/// <summary>
/// Example request bodies shown in Swagger; each module registers its own next to its endpoints, so
/// an example never drifts far from the record it describes
/// (<c>services.Configure&lt;SwaggerExamples&gt;(e =&gt; e.Add(...))</c>).
/// </summary>
public sealed class SwaggerExamples
{
    private readonly Dictionary<Type, object> _examples = [];

    public SwaggerExamples Add<T>(T example)
        where T : notnull
    {
        _examples[typeof(T)] = example;
        return this;
    }

    internal bool TryGet(Type type, out object? example) => _examples.TryGetValue(type, out example);
}

public static class SwaggerSetup
{
    public static IServiceCollection AddJicengSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Jiceng 基层党建 API",
                Version = "v1",
                Description = "Grassroots party-building: organizations, members, volunteering, dividends and the care fund. "
                    + "Errors are RFC 9457 ProblemDetails; updates need If-Match; creating POSTs accept Idempotency-Key.",
            });
            options.SupportNonNullableReferenceTypes();
            options.CustomSchemaIds(SchemaId);
            options.SchemaFilter<ExampleSchemaFilter>();
            options.SchemaFilter<RequiredMembersSchemaFilter>();
            // Swagger's Authorize takes either: sign in through POST /api/v1/auth/sign-in (the browser keeps the
            // cookie), or paste an API key.
            options.AddSecurityDefinition("ApiKey", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = Security.AuthenticationSchemes.ApiKeyHeader,
                Description = "An API client's key (jc_…), shown once when the client is created.",
            });
            options.AddSecurityDefinition("Session", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = Security.AuthenticationSchemes.CookieName,
                Description = "The HttpOnly session cookie set by POST /api/v1/auth/sign-in.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("ApiKey", document)] = [],
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("Session", document)] = [],
            });
            options.OperationFilter<ProtocolHeadersOperationFilter>();
        });
        return services;
    }

    /// <summary>
    /// The OpenAPI document and Swagger UI at /swagger, public so administrators can read the reference (every
    /// call made from it still needs a session or an API key). <c>Swagger:Enabled=false</c> turns both off:
    /// /swagger then answers 404 like any unknown path.
    /// </summary>
    public static WebApplication UseJicengSwagger(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Swagger:Enabled", true))
        {
            // Answered here, before the deny-by-default authorization, which would say 401 to a path with no endpoint.
            app.MapWhen(
                context => context.Request.Path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase),
                swagger => swagger.Run(context =>
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }));
            return app;
        }
        app.UseSwagger();
        app.UseSwaggerUI(ui =>
        {
            ui.SwaggerEndpoint("/swagger/v1/swagger.json", "Jiceng API v1");
            ui.DocumentTitle = "Jiceng API";
            ui.EnablePersistAuthorization();
        });
        return app;
    }

    /// <summary>Type names are unique by convention (full names, no bare nested Command); generics read as PagedOfX.</summary>
    private static string SchemaId(Type type) => type.IsGenericType
        ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "Of" + string.Join("And", type.GetGenericArguments().Select(SchemaId))
        : type.Name;

    /// <summary>
    /// Marks every property whose C# type is not nullable as required, so generated clients (the SPA's
    /// TypeScript types) know which fields are always present.
    /// </summary>
    private sealed class RequiredMembersSchemaFilter : ISchemaFilter
    {
        private static readonly System.Reflection.NullabilityInfoContext Nullability = new();

        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (schema is not OpenApiSchema concrete || concrete.Properties is not { Count: > 0 } properties || context.Type.IsEnum)
            {
                return;
            }
            concrete.Required ??= new HashSet<string>();
            foreach (var property in context.Type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                var nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null
                    || (!property.PropertyType.IsValueType && Nullability.Create(property).ReadState != System.Reflection.NullabilityState.NotNull);
                if (properties.ContainsKey(name) && !nullable)
                {
                    concrete.Required.Add(name);
                }
            }
        }
    }

    private sealed class ExampleSchemaFilter(Microsoft.Extensions.Options.IOptions<SwaggerExamples> examples, Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
        : ISchemaFilter
    {
        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (schema is OpenApiSchema concrete && examples.Value.TryGet(context.Type, out var example))
            {
                var node = JsonSerializer.SerializeToNode(example, context.Type, json.Value.SerializerOptions);
                if (node is not null)
                {
                    concrete.Examples = [node];
                }
            }
        }
    }

    /// <summary>Documents the If-Match, Idempotency-Key and Accept-Language headers where they apply.</summary>
    private sealed class ProtocolHeadersOperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            operation.Parameters ??= [];
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IdempotentEndpointMetadata>().Any())
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = IdempotencyMiddleware.HeaderName,
                    In = ParameterLocation.Header,
                    Required = false,
                    Description = "Retry-safe key (1–100 characters): the first successful response is returned again for 24 hours; another body with the same key is 422.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100 },
                });
            }
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "Accept-Language",
                In = ParameterLocation.Header,
                Required = false,
                Description = "zh-CN (default) or en-US: the language of error messages.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Examples = [JsonValue.Create("zh-CN")!] },
            });
        }
    }
}
