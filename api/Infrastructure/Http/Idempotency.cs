using System.Security.Cryptography;
using System.Text;
using Dapper;
using Jiceng.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Infrastructure.Http;

/// <summary>Endpoint metadata: this POST honours the <c>Idempotency-Key</c> header.</summary>
public sealed class IdempotentEndpointMetadata;

public static class IdempotencyEndpointExtensions
{
    /// <summary>Marks a creating or money-moving POST as retry-safe through <c>Idempotency-Key</c>.</summary>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new IdempotentEndpointMetadata())
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}

/// <summary>
/// Stores the first successful response to a POST under its Idempotency-Key (per caller, method and path)
/// for 24 hours: a retry with the same body gets that response again, the same key with another body is
/// 422, and a retry while the first is still running is 409. Failed attempts free the key.
/// The record lives in the database so it holds across instances and restarts.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string HeaderName = "Idempotency-Key";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private const string FindSql = """
        SELECT request_hash AS RequestHash, status_code AS StatusCode, response_body AS ResponseBody,
               content_type AS ContentType, location AS Location, etag AS ETag
        FROM idempotency_keys
        WHERE scope_key = @scopeKey AND expires_at > @now
        """;

    private const string DeleteExpiredSql = "DELETE FROM idempotency_keys WHERE scope_key = @scopeKey AND expires_at <= @now";

    private const string ReserveSql = """
        INSERT INTO idempotency_keys (scope_key, request_hash, status_code, created_at, expires_at)
        VALUES (@scopeKey, @requestHash, NULL, @now, @expiresAt)
        """;

    private const string CompleteSql = """
        UPDATE idempotency_keys
        SET status_code = @statusCode, response_body = @responseBody, content_type = @contentType, location = @location, etag = @etag
        WHERE scope_key = @scopeKey
        """;

    private const string ReleaseSql = "DELETE FROM idempotency_keys WHERE scope_key = @scopeKey AND status_code IS NULL";

    public async Task InvokeAsync(HttpContext context, DbConnectionFactory connections, TimeProvider clock)
    {
        var endpoint = context.GetEndpoint();
        if (!HttpMethods.IsPost(context.Request.Method)
            || endpoint?.Metadata.GetMetadata<IdempotentEndpointMetadata>() is null
            || !context.Request.Headers.TryGetValue(HeaderName, out var keyValues))
        {
            await next(context);
            return;
        }

        var key = keyValues.ToString();
        if (key.Length is 0 or > 100)
        {
            await WriteProblem(context, new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [HeaderName] = [Localized.Text("Idempotency-Key 长度须为 1 到 100 个字符。", "Idempotency-Key must be 1 to 100 characters.")],
            })
            { Status = StatusCodes.Status400BadRequest, Title = Localized.Text("请求参数有误", "One or more fields are invalid") });
            return;
        }

        context.Request.EnableBuffering();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        context.Request.Body.Position = 0;
        var requestHash = Convert.ToHexString(SHA256.HashData(buffer.ToArray()));
        // Kind and id, never the display name: two API clients may share a name, or a name may equal a username.
        var caller = context.User.Identity?.IsAuthenticated == true
            ? context.User.FindFirst(Security.JicengClaims.Kind)?.Value + ":" + context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value
            : "";
        var scopeKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{caller}\n{context.Request.Method}\n{context.Request.Path}\n{key}")));
        var now = clock.GetUtcNow();

        await using (var connection = await connections.OpenAsync(context.RequestAborted))
        {
            var existing = await connection.QuerySingleOrDefaultAsync<StoredResponse>(FindSql, new { scopeKey, now });
            if (existing is null)
            {
                await connection.ExecuteAsync(DeleteExpiredSql, new { scopeKey, now });
                try
                {
                    await connection.ExecuteAsync(ReserveSql, new { scopeKey, requestHash, now, expiresAt = now + Lifetime });
                }
                catch (System.Data.Common.DbException)
                {
                    // Another request reserved the same key between our look-up and insert.
                    existing = await connection.QuerySingleOrDefaultAsync<StoredResponse>(FindSql, new { scopeKey, now });
                    if (existing is null)
                    {
                        throw;
                    }
                }
            }
            if (existing is not null)
            {
                await Replay(context, existing, requestHash);
                return;
            }
        }

        var originalBody = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        var completed = false;
        try
        {
            await next(context);
            context.Response.Body = originalBody;
            if (context.Response.StatusCode is >= 200 and < 300)
            {
                await using var connection = await connections.OpenAsync(CancellationToken.None);
                await connection.ExecuteAsync(CompleteSql, new
                {
                    scopeKey,
                    statusCode = context.Response.StatusCode,
                    responseBody = Encoding.UTF8.GetString(captured.ToArray()),
                    contentType = context.Response.ContentType,
                    location = context.Response.Headers.Location.ToString(),
                    etag = context.Response.Headers.ETag.ToString(),
                });
                completed = true;
            }
            captured.Position = 0;
            await captured.CopyToAsync(originalBody, context.RequestAborted);
        }
        finally
        {
            context.Response.Body = originalBody;
            if (!completed)
            {
                await using var connection = await connections.OpenAsync(CancellationToken.None);
                await connection.ExecuteAsync(ReleaseSql, new { scopeKey });
            }
        }
    }

    private static async Task Replay(HttpContext context, StoredResponse stored, string requestHash)
    {
        if (!string.Equals(stored.RequestHash, requestHash, StringComparison.Ordinal))
        {
            await WriteProblem(context, new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = Localized.Text("幂等键已被使用", "Idempotency key reused"),
                Detail = Localized.Text("该 Idempotency-Key 已用于另一个不同的请求体。", "This Idempotency-Key was already used with a different request body."),
                Extensions = { ["code"] = "idempotency_key_reused" },
            });
            return;
        }
        if (stored.StatusCode is null)
        {
            await WriteProblem(context, new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = Localized.Text("请求正在处理", "Request in progress"),
                Detail = Localized.Text("使用同一 Idempotency-Key 的请求仍在处理中，请稍后重试。", "A request with this Idempotency-Key is still being processed; retry shortly."),
                Extensions = { ["code"] = "idempotency_request_in_progress" },
            });
            return;
        }
        context.Response.StatusCode = stored.StatusCode.Value;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (!string.IsNullOrEmpty(stored.Location))
        {
            context.Response.Headers.Location = stored.Location;
        }
        if (!string.IsNullOrEmpty(stored.ETag))
        {
            context.Response.Headers.ETag = stored.ETag;
        }
        if (!string.IsNullOrEmpty(stored.ContentType))
        {
            context.Response.ContentType = stored.ContentType;
        }
        await context.Response.WriteAsync(stored.ResponseBody ?? "", context.RequestAborted);
    }

    private static async Task WriteProblem(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    private sealed record StoredResponse
    {
        public string RequestHash { get; init; } = "";
        public int? StatusCode { get; init; }
        public string? ResponseBody { get; init; }
        public string? ContentType { get; init; }
        public string? Location { get; init; }
        public string? ETag { get; init; }
    }
}

/// <summary>Deletes idempotency records past their 24 hours, once an hour.</summary>
public sealed class IdempotencyCleanupService(DbConnectionFactory connections, TimeProvider clock, ILogger<IdempotencyCleanupService> logger)
    : BackgroundService
{
    private const string PurgeSql = "DELETE FROM idempotency_keys WHERE expires_at <= @now";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await using var connection = await connections.OpenAsync(stoppingToken);
                var purged = await connection.ExecuteAsync(PurgeSql, new { now = clock.GetUtcNow() });
                logger.LogInformation("Purged {Count} expired idempotency records", purged);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Purging expired idempotency records failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
