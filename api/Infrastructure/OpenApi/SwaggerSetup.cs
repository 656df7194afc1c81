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
            options.SwaggerDoc(
                "v1",
                new OpenApiInfo
                {
                    Title = "Jiceng 基层党建 API",
                    Version = "v1",
                    Description =
                        "Grassroots party-building: organizations, members, volunteering, dividends and the care fund. "
                        + "Errors are RFC 9457 ProblemDetails; updates need "
                        + "If-Match; creating POSTs accept Idempotency-Key.",
                }
            );
            options.SupportNonNullableReferenceTypes();
            options.CustomSchemaIds(SchemaId);
            // Money is written as a yuan number with two places (MoneyJsonConverter), not as its fen field.
            options.MapType<Primitives.Money>(() =>
                new OpenApiSchema
                {
                    Type = JsonSchemaType.Number,
                    Format = "decimal",
                    Description = "An amount in yuan with at most two decimal places (stored as integer fen).",
                }
            );
            options.MapType<Primitives.Money?>(() =>
                new OpenApiSchema
                {
                    Type = JsonSchemaType.Number | JsonSchemaType.Null,
                    Format = "decimal",
                    Description = "An amount in yuan with at most two decimal places (stored as integer fen), or null.",
                }
            );
            options.SchemaFilter<ExampleSchemaFilter>();
            options.SchemaFilter<RequiredMembersSchemaFilter>();
            options.SchemaFilter<ValidationSchemaFilter>();
            options.SchemaFilter<EnumLabelsSchemaFilter>();
            // Swagger's Authorize takes either: sign in through POST /api/v1/auth/sign-in (the browser keeps the
            // cookie), or paste an API key.
            options.AddSecurityDefinition(
                "ApiKey",
                new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = Security.AuthenticationSchemes.ApiKeyHeader,
                    Description = "An API client's key (jc_…), shown once when the client is created.",
                }
            );
            options.AddSecurityDefinition(
                "Session",
                new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Cookie,
                    Name = Security.AuthenticationSchemes.CookieName,
                    Description = "The HttpOnly session cookie set by POST /api/v1/auth/sign-in.",
                }
            );
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("ApiKey", document)] = [],
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("Session", document)] = [],
            });
            options.OperationFilter<ProtocolHeadersOperationFilter>();
            options.OperationFilter<InfrastructureResponsesOperationFilter>();
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
                swagger =>
                    swagger.Run(context =>
                    {
                        context.Response.StatusCode = StatusCodes.Status404NotFound;
                        return Task.CompletedTask;
                    })
            );
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

    /// <summary>Type names are unique by convention (full names,
    /// no bare nested Command); generics read as PagedOfX.</summary>
    private static string SchemaId(Type type) =>
        type.IsGenericType
            ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]
                + "Of"
                + string.Join("And", type.GetGenericArguments().Select(SchemaId))
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
            if (
                schema is not OpenApiSchema concrete
                || concrete.Properties is not { Count: > 0 } properties
                || context.Type.IsEnum
            )
            {
                return;
            }
            concrete.Required ??= new HashSet<string>();
            foreach (
                var property in context.Type.GetProperties(
                    System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance
                )
            )
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                var nullable =
                    Nullable.GetUnderlyingType(property.PropertyType) is not null
                    || (
                        !property.PropertyType.IsValueType
                        && Nullability.Create(property).ReadState != System.Reflection.NullabilityState.NotNull
                    );
                if (properties.ContainsKey(name) && !nullable)
                {
                    concrete.Required.Add(name);
                }
            }
        }
    }

    private sealed class ExampleSchemaFilter(
        Microsoft.Extensions.Options.IOptions<SwaggerExamples> examples,
        Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json
    ) : ISchemaFilter
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
            // A route that binds the key itself (to require it) already lists it; the parameter is added once.
            if (
                metadata.OfType<IdempotentEndpointMetadata>().Any()
                && !operation.Parameters.Any(p => p.Name == IdempotencyMiddleware.HeaderName)
            )
            {
                operation.Parameters.Add(
                    new OpenApiParameter
                    {
                        Name = IdempotencyMiddleware.HeaderName,
                        In = ParameterLocation.Header,
                        Required = false,
                        Description =
                            "Retry-safe key (1–100 characters): the first "
                            + "successful response is returned again for 24 hours; "
                            + "another body with the same key is 422 (JSON compared regardless of key order and "
                            + "spacing); a retry while the first runs is 409.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100 },
                    }
                );
            }
            operation.Parameters.Add(
                new OpenApiParameter
                {
                    Name = "Accept-Language",
                    In = ParameterLocation.Header,
                    Required = false,
                    Description = "zh-CN (default) or en-US: the language of error messages.",
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Examples = [JsonValue.Create("zh-CN")!],
                    },
                }
            );
        }
    }

    /// <summary>
    /// The answers the infrastructure gives before or around any handler, documented in one place so every operation
    /// lists what it can answer: 429 and 500 everywhere; 400 (a malformed parameter or body), 413 and 415 where a body
    /// is read; 401 and 403 behind sign-in; 404 where the path names an object; and for Idempotency-Key routes 400 (the
    /// key), 409 (the same key still running), 422 (the key with another body) and 503 (the request ran past its time).
    /// </summary>
    private sealed class InfrastructureResponsesOperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            var hasBody = operation.RequestBody is not null;
            var hasParameters = context.ApiDescription.ParameterDescriptions.Any(p =>
                p.Source != Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Services
            );
            var isPublic =
                metadata.OfType<Security.PublicEndpoint>().Any()
                || metadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any();
            Add(
                operation,
                context,
                StatusCodes.Status429TooManyRequests,
                "Too many requests (Retry-After says when to retry)."
            );
            Add(operation, context, StatusCodes.Status500InternalServerError, "Internal error, without internals.");
            if (hasBody || hasParameters)
            {
                Add(
                    operation,
                    context,
                    StatusCodes.Status400BadRequest,
                    "A parameter or the body is invalid (errors keyed by field)."
                );
            }
            if (hasBody)
            {
                Add(
                    operation,
                    context,
                    StatusCodes.Status413PayloadTooLarge,
                    "The body is larger than Http:MaxRequestBodyBytes."
                );
                Add(
                    operation,
                    context,
                    StatusCodes.Status415UnsupportedMediaType,
                    "The body is not application/json in UTF-8."
                );
            }
            if (!isPublic)
            {
                Add(operation, context, StatusCodes.Status401Unauthorized, "No session cookie or API key.");
                Add(operation, context, StatusCodes.Status403Forbidden, "The caller lacks the operation's permission.");
            }
            if (context.ApiDescription.RelativePath?.Contains('{', StringComparison.Ordinal) == true)
            {
                Add(operation, context, StatusCodes.Status404NotFound, "No such object within the caller's scope.");
            }
            if (metadata.OfType<IdempotentEndpointMetadata>().Any())
            {
                Add(
                    operation,
                    context,
                    StatusCodes.Status409Conflict,
                    "A business rule refused it, or a request with this Idempotency-Key is still running."
                );
                Add(
                    operation,
                    context,
                    StatusCodes.Status422UnprocessableEntity,
                    "The Idempotency-Key was used with another body."
                );
                Add(
                    operation,
                    context,
                    StatusCodes.Status503ServiceUnavailable,
                    "The request ran past Idempotency:InProgressTimeoutSeconds and was cancelled."
                );
            }
        }

        private static void Add(
            OpenApiOperation operation,
            OperationFilterContext context,
            int status,
            string description
        )
        {
            operation.Responses ??= [];
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.ContainsKey(key))
            {
                return;
            }
            var schema = context.SchemaGenerator.GenerateSchema(
                typeof(Microsoft.AspNetCore.Mvc.ProblemDetails),
                context.SchemaRepository
            );
            operation.Responses[key] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    ["application/problem+json"] = new OpenApiMediaType { Schema = schema },
                },
            };
        }
    }
}
