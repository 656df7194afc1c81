using FluentValidation;
using FluentValidation.Results;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Microsoft.Extensions.Options;

namespace Jiceng.Infrastructure.Security;

/// <summary>
/// The one way to show personal data unmasked: the caller needs the reveal permission and gives a reason
/// (5–200 characters); each reveal is exactly one audit row, and a caller gets at most Security:RevealsPerHour of
/// them per hour (429 beyond).
/// </summary>
public sealed class PersonalDataReveal(
    CallerAccessor callers,
    AuditWriter audit,
    AuditTrail trail,
    DbSession db,
    TimeProvider clock,
    IOptions<PersonalDataOptions> options
)
{
    public const string Action = "RevealPersonalData";

    private const string RecentRevealsSql = """
        SELECT COUNT(*) FROM audit_log
        WHERE actor_id = @actorId AND action = @action AND at > @since
        """;

    public async Task<string> RevealAsync(
        string permission,
        string? reason,
        string entityType,
        string entityId,
        Guid? organizationId,
        string field,
        Func<string> plaintext,
        CancellationToken cancellationToken
    )
    {
        var caller = callers.Current;
        if (!caller.Has(permission))
        {
            throw new ForbiddenException(permission);
        }
        reason = Primitives.VisibleText.Trim(reason);
        if (reason.Length is < 5 or > 200)
        {
            throw new ValidationException([
                new ValidationFailure(
                    "reason",
                    Localized.Text("请填写 5 到 200 字的查看理由。", "Give a reason of 5 to 200 characters.")
                ),
            ]);
        }
        var recent = await db.ExecuteScalarAsync<long>(
            RecentRevealsSql,
            new
            {
                actorId = caller.Id,
                action = Action,
                since = clock.GetUtcNow().AddHours(-1),
            },
            cancellationToken
        );
        if (recent >= options.Value.RevealsPerHour)
        {
            throw new TooManyRequestsException(TimeSpan.FromMinutes(10));
        }
        var record = new AuditRecord(Action, entityType, entityId, organizationId, null, new { field, reason });
        await audit.WriteAsync(record, cancellationToken);
        // This row is the command's audit: the behaviour adds no second row derived from the same request.
        trail.MarkWritten();
        return plaintext();
    }

    /// <summary>
    /// A reveal of many records at once (an export): each record counts against the caller's hourly limit and gets its
    /// own audit row, so the log says whose data was seen and a file cannot reveal more than single reveals would.
    /// More records than the hourly limit is 409 <c>reveal_too_large</c> (narrow the filter); more than is left of
    /// this hour's limit is 429.
    /// </summary>
    public async Task RevealEachAsync(
        string permission,
        string? reason,
        string entityType,
        IReadOnlyList<(string Id, Guid? OrganizationId)> entities,
        string field,
        CancellationToken cancellationToken
    )
    {
        var caller = callers.Current;
        if (!caller.Has(permission))
        {
            throw new ForbiddenException(permission);
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length is < 5 or > 200)
        {
            throw new ValidationException([
                new ValidationFailure(
                    "reason",
                    Localized.Text("请填写 5 到 200 字的查看理由。", "Give a reason of 5 to 200 characters.")
                ),
            ]);
        }
        var limit = options.Value.RevealsPerHour;
        if (entities.Count > limit)
        {
            throw new BusinessRuleException(
                "reveal_too_large",
                $"一次最多查看 {limit} 人的完整信息，本次有 {entities.Count} 人，请缩小范围。",
                $"At most {limit} people's data can be revealed at a "
                    + $"time and {entities.Count} match; narrow the filters.",
                new Dictionary<string, object?> { ["total"] = entities.Count, ["max"] = limit }
            );
        }
        var recent = await db.ExecuteScalarAsync<long>(
            RecentRevealsSql,
            new
            {
                actorId = caller.Id,
                action = Action,
                since = clock.GetUtcNow().AddHours(-1),
            },
            cancellationToken
        );
        if (recent + entities.Count > limit)
        {
            throw new TooManyRequestsException(TimeSpan.FromMinutes(10));
        }
        foreach (var (id, organizationId) in entities)
        {
            await audit.WriteAsync(
                new AuditRecord(Action, entityType, id, organizationId, null, new { field, reason = reason.Trim() }),
                cancellationToken
            );
        }
        trail.MarkWritten();
    }
}
