using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Infrastructure.Http;

/// <summary>
/// Turns every exception into RFC 9457 ProblemDetails: validation → 400 with camelCase field keys,
/// malformed JSON → 400 on the offending field, not found → 404, business rule → 409 with <c>code</c>,
/// stale version → 412, missing If-Match → 428, the database unreachable or the request queue full → 503 with
/// Retry-After, anything else → 500 without internals.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails,
    ILogger<ProblemDetailsExceptionHandler> logger
) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext,
        Exception exception,
        CancellationToken cancellationToken
    )
    {
        var problem = exception switch
        {
            ValidationException validation => Validation(validation),
            BadHttpRequestException bad => BadRequest(bad),
            JsonException json => Validation(JsonFailure(json)),
            NotFoundException => new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = Localized.Text("未找到", "Not found"),
                Detail = Localized.Text(
                    "请求的对象不存在，或不在您的权限范围内。",
                    "The requested object does not exist or is outside your scope."
                ),
            },
            BusinessRuleException rule => Conflict(rule),
            PreconditionFailedException => new ProblemDetails
            {
                Status = StatusCodes.Status412PreconditionFailed,
                Title = Localized.Text("数据已被他人修改", "Changed by someone else"),
                Detail = Localized.Text(
                    "该记录已被他人修改，请刷新后重试。",
                    "This record was changed by someone else; reload it and try again."
                ),
            },
            PreconditionRequiredException => new ProblemDetails
            {
                Status = StatusCodes.Status428PreconditionRequired,
                Title = Localized.Text("缺少 If-Match", "If-Match required"),
                Detail = Localized.Text(
                    "修改时须在 If-Match 请求头中带上读取时得到的 ETag。",
                    "Send the ETag you read in the If-Match header to update."
                ),
            },
            ForbiddenException => new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = Localized.Text("没有权限", "Forbidden"),
                Detail = Localized.Text(
                    "您没有执行此操作的权限。",
                    "You do not have the permission this operation needs."
                ),
            },
            TooManyRequestsException tooMany => TooMany(httpContext, tooMany),
            ServerBusyException => Busy(httpContext),
            _ when Database.DbErrors.IsUnavailable(exception) && !httpContext.RequestAborted.IsCancellationRequested =>
                Unavailable(httpContext, exception),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => null,
            _ => null,
        };

        if (problem is null)
        {
            if (httpContext.RequestAborted.IsCancellationRequested)
            {
                httpContext.Response.StatusCode = 499;
                return true;
            }
            logger.LogError(
                exception,
                "Unhandled exception for {Method} {Path}",
                httpContext.Request.Method,
                httpContext.Request.Path
            );
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = Localized.Text("服务器内部错误", "Internal server error"),
                Detail = Localized.Text(
                    "处理请求时出错，请稍后重试或联系管理员。",
                    "Something went wrong; try again later or contact the administrator."
                ),
            };
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(
            new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = problem,
                Exception = exception,
            }
        );
    }

    /// <summary>Seconds a client should wait before retrying while the database is unreachable.</summary>
    public const int DatabaseRetryAfterSeconds = 5;

    private ProblemDetails Unavailable(HttpContext context, Exception exception)
    {
        // One line, no stack: during an outage every request ends here, and the cause is all that helps.
        logger.LogWarning(
            "Database unreachable for {Method} {Path}: {Cause}",
            context.Request.Method,
            context.Request.Path,
            exception.GetBaseException().Message
        );
        context.Response.Headers.RetryAfter = DatabaseRetryAfterSeconds.ToString(
            System.Globalization.CultureInfo.InvariantCulture
        );
        return DatabaseUnavailableProblem();
    }

    public static ProblemDetails DatabaseUnavailableProblem() =>
        new()
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = Localized.Text("服务暂不可用", "Service unavailable"),
            Detail = Localized.Text(
                "数据库暂时无法连接，请稍后重试。",
                "The database cannot be reached at the moment; try again shortly."
            ),
        };

    /// <summary>Seconds a client should wait before retrying when the server's queue of requests is full.</summary>
    public const int BusyRetryAfterSeconds = 1;

    private static ProblemDetails Busy(HttpContext context)
    {
        context.Response.Headers.RetryAfter = BusyRetryAfterSeconds.ToString(
            System.Globalization.CultureInfo.InvariantCulture
        );
        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = Localized.Text("服务繁忙", "Server busy"),
            Detail = Localized.Text(
                "当前请求过多，本次请求未处理，请稍后重试。",
                "Too many requests are waiting; this one was not handled. Try again shortly."
            ),
        };
    }

    private static ProblemDetails TooMany(HttpContext context, TooManyRequestsException tooMany)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(tooMany.RetryAfter.TotalSeconds))
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        return RateLimitingSetup.TooManyRequestsProblem();
    }

    private static ProblemDetails BadRequest(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            return Validation(JsonFailure(json));
        }
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return new ProblemDetails
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Title = Localized.Text("不支持的媒体类型", "Unsupported media type"),
                Detail = Localized.Text("请求体须为 application/json。", "The request body must be application/json."),
            };
        }
        var parameter = BoundParameter().Match(bad.Message);
        if (parameter.Success && !bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            var message = bad.Message.StartsWith("Required", StringComparison.Ordinal)
                ? Localized.Text("缺少必填参数。", "This parameter is required.")
                : Localized.Text("格式不正确。", "The value has the wrong format.");
            return Validation(
                new ValidationException([
                    new FluentValidation.Results.ValidationFailure(parameter.Groups[1].Value, message),
                ])
            );
        }
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = Localized.Text("请求体过大", "Request body too large"),
            };
        }
        return new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Localized.Text("请求格式错误", "Malformed request"),
            Detail = Localized.Text(
                "请求无法解析，请检查参数和请求体。",
                "The request could not be read; check its parameters and body."
            ),
        };
    }

    private static ValidationException JsonFailure(JsonException json)
    {
        var field = JsonPathToField(json.Path);
        // A converter's own explanation (e.g. the span of dates allowed) beats the generic one.
        Exception? cause = json;
        while (cause is not null and not Primitives.ExplainedJsonException)
        {
            cause = cause.InnerException;
        }
        var message = cause is Primitives.ExplainedJsonException explained
            ? explained.LocalizedMessage
            : Localized.Text("格式不正确。", "The value has the wrong format.");
        return new ValidationException([new FluentValidation.Results.ValidationFailure(field, message)]);
    }

    /// <summary>"$.reasons[0]" → "reasons[0]"; "$" or none → "body".</summary>
    internal static string JsonPathToField(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return string.IsNullOrEmpty(field) ? "body" : CamelCase(field);
    }

    private static HttpValidationProblemDetails Validation(ValidationException validation)
    {
        var errors = validation
            .Errors.GroupBy(e => FieldKey(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Localized.Text("请求参数有误", "One or more fields are invalid"),
        };
    }

    private static readonly HashSet<string> ReservedProblemMembers =
    [
        "type",
        "title",
        "status",
        "detail",
        "instance",
        "code",
        "requestId",
        "errors",
    ];

    private static ProblemDetails Conflict(BusinessRuleException rule)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = Localized.Text("不符合业务规则", "Business rule violated"),
            Detail = rule.LocalizedMessage,
        };
        problem.Extensions["code"] = rule.Code;
        // A detail named like a member of the problem itself ("status", "title"...) would be written twice and
        // replace it for most readers; such a detail is a catalog mistake, so it is left out rather than sent.
        foreach (var (key, value) in rule.Details.Where(d => !ReservedProblemMembers.Contains(d.Key)))
        {
            problem.Extensions[key] = value;
        }
        return problem;
    }

    /// <summary>
    /// Commands carry their request body as <c>Body</c>; its fields are reported by their JSON names
    /// ("Body.DueOn" → "dueOn") so the SPA can put each message on its field.
    /// </summary>
    internal static string FieldKey(string? propertyName)
    {
        if (string.IsNullOrEmpty(propertyName))
        {
            return "body";
        }
        var key = propertyName.StartsWith("Body.", StringComparison.Ordinal) ? propertyName[5..] : propertyName;
        return CamelCase(key);
    }

    /// <summary>Each dotted segment camelCased, so keys match the JSON field names the SPA binds to.</summary>
    public static string CamelCase(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));

    /// <summary>The parameter name in ASP.NET Core's binding messages:
    /// Failed to bind parameter "int page" from "x".</summary>
    [System.Text.RegularExpressions.GeneratedRegex("parameter \"(?:[^\" ]+ )?([A-Za-z0-9_]+)\"")]
    private static partial System.Text.RegularExpressions.Regex BoundParameter();
}
