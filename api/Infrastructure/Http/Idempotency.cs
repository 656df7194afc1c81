using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Jiceng.Infrastructure.Database;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Jiceng.Infrastructure.Http;

/// <summary>Endpoint metadata: this POST honours the <c>Idempotency-Key</c> header.</summary>
public sealed class IdempotentEndpointMetadata;

/// <summary>
/// Endpoint metadata: this POST refuses <c>Idempotency-Key</c> (400) rather than ignoring it, so a client that
/// counts on a safe retry learns that there is none.
/// </summary>
public sealed class RefusesIdempotencyKeyMetadata;

/// <summary>Bound from <c>Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    /// <summary>
    /// The longest a request holding a key may run: it is cancelled then, and a reservation older than this is
    /// taken over by the retry, since the request that made it can no longer be running.
    /// </summary>
    public int InProgressTimeoutSeconds { get; set; } = 120;
}

public static class IdempotencyEndpointExtensions
{
    /// <summary>Marks a creating or money-moving POST as retry-safe through <c>Idempotency-Key</c>.</summary>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder) =>
        builder
            .WithMetadata(new IdempotentEndpointMetadata())
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>Marks a POST whose answer must not be replayed
    /// (it holds a secret): the header is a 400 there.</summary>
    public static RouteHandlerBuilder RefusingIdempotencyKey(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new RefusesIdempotencyKeyMetadata());
}

/// <summary>
/// Stores the first successful response to a POST under its Idempotency-Key (per caller, method and path)
/// for 24 hours: a retry with the same body gets that response again, the same key with another body is
/// 422, and a retry while the first is still running is 409. Failed attempts free the key. Bodies are compared
/// in a canonical form (JSON with sorted keys, no spacing), so the same JSON written another way is the same request.
/// A reservation whose request can no longer be running (its process is gone, or it is older than
/// <see cref="IdempotencyOptions.InProgressTimeoutSeconds"/>, past which requests are cancelled) is taken over by
/// the retry in one conditional UPDATE on the owner it saw, so two retries cannot both take it.
/// The record lives in the database so it holds across instances and restarts.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IOptions<IdempotencyOptions> options)
{
    public const string HeaderName = "Idempotency-Key";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private const string FindSql = """
        SELECT request_hash AS RequestHash, status_code AS StatusCode, response_body AS ResponseBody,
               content_type AS ContentType, location AS Location, etag AS ETag, created_at AS CreatedAt,
                   reserved_by AS ReservedBy, expires_at AS ExpiresAt
        FROM idempotency_keys
        WHERE scope_key = @scopeKey
        """;

    private const string DeleteExpiredSql =
        "DELETE FROM idempotency_keys WHERE scope_key = @scopeKey AND expires_at <= @now";

    private const string ReserveSql = """
        INSERT INTO idempotency_keys (scope_key, request_hash, status_code, created_at, expires_at, reserved_by)
        VALUES (@scopeKey, @requestHash, NULL, @now, @expiresAt, @owner)
        """;

    // The owner seen is the guard: of two retries that both judged the reservation abandoned, one updates it.
    private const string TakeOverSql = """
        UPDATE idempotency_keys SET request_hash = @requestHash, created_at = @now, expires_at = @expiresAt,
            reserved_by = @owner
        WHERE scope_key = @scopeKey AND status_code IS NULL AND reserved_by = @seenOwner
        """;

    // Reservations made before owners were recorded.
    private const string TakeOverUnownedSql = """
        UPDATE idempotency_keys SET request_hash = @requestHash, created_at = @now, expires_at = @expiresAt,
            reserved_by = @owner
        WHERE scope_key = @scopeKey AND status_code IS NULL AND reserved_by IS NULL
        """;

    private const string CompleteSql = """
        UPDATE idempotency_keys
        SET status_code = @statusCode, response_body = @responseBody, content_type = @contentType, location = @location,
            etag = @etag
        WHERE scope_key = @scopeKey AND reserved_by = @owner
        """;

    private const string ReleaseSql =
        "DELETE FROM idempotency_keys WHERE scope_key = @scopeKey AND status_code IS NULL AND reserved_by = @owner";

    /// <summary>This process, as recorded in the reservations it
    /// makes: host, process id and the process's start.</summary>
    public static readonly string ProcessOwner = string.Create(
        CultureInfo.InvariantCulture,
        $"{Environment.MachineName}|{Environment.ProcessId}|"
            + $"{Process.GetCurrentProcess().StartTime.ToUniversalTime().Ticks}"
    );

    public async Task InvokeAsync(HttpContext context, DbConnectionFactory connections, TimeProvider clock)
    {
        var endpoint = context.GetEndpoint();
        if (
            endpoint?.Metadata.GetMetadata<RefusesIdempotencyKeyMetadata>() is not null
            && context.Request.Headers.ContainsKey(HeaderName)
        )
        {
            await WriteHeaderProblem(
                context,
                Localized.Text(
                    "此操作不支持 Idempotency-Key：它的响应含有只显示一次的密钥，不能重放。",
                    "This operation does not take an Idempotency-Key: its answer holds a secret shown once, "
                        + "which is never replayed."
                )
            );
            return;
        }
        if (
            !HttpMethods.IsPost(context.Request.Method)
            || endpoint?.Metadata.GetMetadata<IdempotentEndpointMetadata>() is null
            || !context.Request.Headers.TryGetValue(HeaderName, out var keyValues)
        )
        {
            await next(context);
            return;
        }

        var key = keyValues.ToString();
        if (key.Length is 0 or > 100)
        {
            await WriteHeaderProblem(
                context,
                Localized.Text(
                    "Idempotency-Key 长度须为 1 到 100 个字符。",
                    "Idempotency-Key must be 1 to 100 characters."
                )
            );
            return;
        }

        // A route's own body limit (an upload's) must be set before the body is buffered here: once reading has
        // begun the server's limit can no longer be raised, and the upload would be refused at the global 1 MB.
        if (
            context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } routeLimit
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize
        )
        {
            bodySize.MaxRequestBodySize = routeLimit.MaxRequestBodySize;
        }
        context.Request.EnableBuffering();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        context.Request.Body.Position = 0;
        var requestHash = RequestHash(buffer.ToArray(), context.Request.ContentType);
        // Kind and id, never the display name: two API clients may share a name, or a name may equal a username.
        var caller =
            context.User.Identity?.IsAuthenticated == true
                ? context.User.FindFirst(Security.JicengClaims.Kind)?.Value
                    + ":"
                    + context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value
                : "";
        var scopeKey = ScopeKey(caller, context.Request.Method, context.Request.Path, key);
        var now = clock.GetUtcNow();
        var owner = ProcessOwner + "|" + Guid.NewGuid().ToString("N");
        var timeout = TimeSpan.FromSeconds(Math.Max(1, options.Value.InProgressTimeoutSeconds));

        await using (var connection = await connections.OpenAsync(context.RequestAborted))
        {
            var reservation = new
            {
                scopeKey,
                requestHash,
                now,
                expiresAt = now + Lifetime,
                owner,
            };
            // A new key, the usual case, is reserved by its INSERT alone (one round trip); only a key already there
            // is read, and then replayed, taken over or, expired, deleted and reserved anew. A record that vanishes
            // between the INSERT and the read (expired and deleted by another retry) is tried for again.
            StoredResponse? existing = null;
            for (var attempt = 1; ; attempt++)
            {
                if (await TryReserveAsync(connections, connection, reservation, context.RequestAborted))
                {
                    existing = null;
                    break;
                }
                existing = await connection.QuerySingleOrDefaultAsync<StoredResponse>(FindSql, new { scopeKey });
                if (existing is { } found && found.ExpiresAt > now)
                {
                    break;
                }
                if (attempt == 3)
                {
                    throw new InvalidOperationException("An idempotency key could be neither reserved nor read.");
                }
                if (existing is not null)
                {
                    using (await connections.WriteTurnAsync(context.RequestAborted))
                    {
                        await connection.ExecuteAsync(DeleteExpiredSql, new { scopeKey, now });
                    }
                }
            }
            if (existing is { StatusCode: null } && IsAbandoned(existing, now, timeout))
            {
                using var turn = await connections.WriteTurnAsync(context.RequestAborted);
                var taken = await connection.ExecuteAsync(
                    existing.ReservedBy is null ? TakeOverUnownedSql : TakeOverSql,
                    new
                    {
                        scopeKey,
                        requestHash,
                        now,
                        expiresAt = now + Lifetime,
                        owner,
                        seenOwner = existing.ReservedBy,
                    }
                );
                existing =
                    taken == 1
                        ? null
                        : await FindLiveAsync(connection, scopeKey, now)
                            ?? throw new InvalidOperationException(
                                "An idempotency reservation vanished while it was taken over."
                            );
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
        // Past the timeout the request is cancelled (its transaction rolls back), which is what lets a retry take
        // the reservation over then without two executions.
        var aborted = context.RequestAborted;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        limit.CancelAfter(timeout);
        context.RequestAborted = limit.Token;
        try
        {
            await next(context);
            context.RequestAborted = aborted;
            context.Response.Body = originalBody;
            if (context.Response.StatusCode is >= 200 and < 300)
            {
                await using var connection = await connections.OpenAsync(CancellationToken.None);
                using var turn = await connections.WriteTurnAsync(CancellationToken.None);
                await connection.ExecuteAsync(
                    CompleteSql,
                    new
                    {
                        scopeKey,
                        owner,
                        statusCode = context.Response.StatusCode,
                        responseBody = Encoding.UTF8.GetString(captured.ToArray()),
                        contentType = context.Response.ContentType,
                        location = context.Response.Headers.Location.ToString(),
                        etag = context.Response.Headers.ETag.ToString(),
                    }
                );
                completed = true;
            }
            captured.Position = 0;
            await captured.CopyToAsync(originalBody, context.RequestAborted);
        }
        catch (OperationCanceledException)
            when (limit.IsCancellationRequested && !aborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            context.Response.Body = originalBody;
            context.RequestAborted = aborted;
            context.Response.Clear();
            context.Response.Headers.RetryAfter = "1";
            await WriteProblem(
                context,
                new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = Localized.Text("请求超时", "Request timed out"),
                    Detail = Localized.Text(
                        "请求处理时间过长，已取消，未做任何修改；可用同一 Idempotency-Key 重试。",
                        "The request ran too long and was cancelled without "
                            + "changing anything; retry with the same Idempotency-Key."
                    ),
                }
            );
        }
        finally
        {
            context.Response.Body = originalBody;
            context.RequestAborted = aborted;
            if (!completed)
            {
                await using var connection = await connections.OpenAsync(CancellationToken.None);
                using var turn = await connections.WriteTurnAsync(CancellationToken.None);
                await connection.ExecuteAsync(ReleaseSql, new { scopeKey, owner });
            }
        }
    }

    /// <summary>Reserves the key; false when a record of it exists already (the unique key refused the row).</summary>
    private static async Task<bool> TryReserveAsync(
        DbConnectionFactory connections,
        System.Data.Common.DbConnection connection,
        object reservation,
        CancellationToken cancellationToken
    )
    {
        // On SQLite the write waits for the process's turn to write, as transactions do.
        using var turn = await connections.WriteTurnAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(ReserveSql, reservation);
            return true;
        }
        catch (System.Data.Common.DbException e) when (DbErrors.IsUniqueViolation(e))
        {
            return false;
        }
    }

    private static async Task<StoredResponse?> FindLiveAsync(
        System.Data.Common.DbConnection connection,
        string scopeKey,
        DateTimeOffset now
    ) =>
        await connection.QuerySingleOrDefaultAsync<StoredResponse>(FindSql, new { scopeKey }) is { } found
        && found.ExpiresAt > now
            ? found
            : null;

    /// <summary>The record's key: a key is the caller's own, for one method and path.</summary>
    public static string ScopeKey(string caller, string method, string path, string key) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{caller}\n{method}\n{path}\n{key}")));

    /// <summary>
    /// SHA-256 of the body; a JSON body is hashed in a canonical form (object keys sorted by ordinal, no
    /// whitespace, strings re-escaped alike), so key order and spacing do not make a retry "another body".
    /// A body that is not JSON, or does not parse, is hashed byte for byte.
    /// </summary>
    public static string RequestHash(byte[] body, string? contentType)
    {
        if (contentType is not null && contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var canonical = Canonical(JsonNode.Parse(body))?.ToJsonString() ?? "null";
                return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
            {
                // Malformed or with duplicate keys: the endpoint will refuse it; compare bytes meanwhile.
            }
        }
        return Convert.ToHexString(SHA256.HashData(body));
    }

    private static JsonNode? Canonical(JsonNode? node) =>
        node switch
        {
            JsonObject json => new JsonObject(
                json.OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))
            ),
            JsonArray array => new JsonArray(array.Select(Canonical).ToArray()),
            null => null,
            _ => node.DeepClone(),
        };

    /// <summary>
    /// A reservation's request can no longer be running when it is older than the timeout (requests are cancelled
    /// then), or when it was made on this host by a process that is no longer there (the server was restarted).
    /// </summary>
    private static bool IsAbandoned(StoredResponse reservation, DateTimeOffset now, TimeSpan timeout)
    {
        if (reservation.CreatedAt <= now - timeout)
        {
            return true;
        }
        var parts = (reservation.ReservedBy ?? "").Split('|');
        if (
            parts.Length < 3
            || parts[0] != Environment.MachineName
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var processId)
            || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var startTicks)
            || string.Join('|', parts[..3]) == ProcessOwner
        )
        {
            return false;
        }
        try
        {
            using var process = Process.GetProcessById(processId);
            // The same id with another start is a later process that reuses the number.
            return process.StartTime.ToUniversalTime().Ticks != startTicks;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return true;
        }
    }

    private static async Task Replay(HttpContext context, StoredResponse stored, string requestHash)
    {
        if (!string.Equals(stored.RequestHash, requestHash, StringComparison.Ordinal))
        {
            await WriteProblem(
                context,
                new ProblemDetails
                {
                    Status = StatusCodes.Status422UnprocessableEntity,
                    Title = Localized.Text("幂等键已被使用", "Idempotency key reused"),
                    Detail = Localized.Text(
                        "该 Idempotency-Key 已用于另一个不同的请求体。",
                        "This Idempotency-Key was already used with a different request body."
                    ),
                    Extensions = { ["code"] = "idempotency_key_reused" },
                }
            );
            return;
        }
        if (stored.StatusCode is null)
        {
            await WriteProblem(
                context,
                new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = Localized.Text("请求正在处理", "Request in progress"),
                    Detail = Localized.Text(
                        "使用同一 Idempotency-Key 的请求仍在处理中，请稍后重试。",
                        "A request with this Idempotency-Key is still being processed; retry shortly."
                    ),
                    Extensions = { ["code"] = "idempotency_request_in_progress" },
                }
            );
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

    /// <summary>A 400 on the Idempotency-Key header itself, as the field of a validation problem.</summary>
    private static Task WriteHeaderProblem(HttpContext context, string message) =>
        WriteProblem(
            context,
            new HttpValidationProblemDetails(new Dictionary<string, string[]> { [HeaderName] = [message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = Localized.Text("请求参数有误", "One or more fields are invalid"),
            }
        );

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
        public DateTimeOffset CreatedAt { get; init; }
        public string? ReservedBy { get; init; }
        public DateTimeOffset ExpiresAt { get; init; }
    }
}

/// <summary>Deletes idempotency records past their 24 hours, once an hour.</summary>
public sealed class IdempotencyCleanupService(
    DbConnectionFactory connections,
    TimeProvider clock,
    ILogger<IdempotencyCleanupService> logger
) : BackgroundService
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
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
