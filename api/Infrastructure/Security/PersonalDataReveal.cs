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
public sealed class PersonalDataReveal(CallerAccessor callers, AuditWriter audit, AuditTrail trail, DbSession db, TimeProvider clock, IOptions<PersonalDataOptions> options)
{
    public const string Action = "RevealPersonalData";

    private const string RecentRevealsSql = """
        SELECT COUNT(*) FROM audit_log
        WHERE actor_id = @actorId AND action = @action AND at > @since
        """;

    public async Task<string> RevealAsync(string permission, string? reason, string entityType, string entityId, Guid? organizationId, string field,
        Func<string> plaintext, CancellationToken cancellationToken)
    {
        var caller = callers.Current;
        if (!caller.Has(permission))
        {
            throw new ForbiddenException(permission);
        }
        reason = Primitives.VisibleText.Trim(reason);
        if (reason.Length is < 5 or > 200)
        {
            throw new ValidationException([new ValidationFailure("reason", Localized.Text("请填写 5 到 200 字的查看理由。", "Give a reason of 5 to 200 characters."))]);
        }
        var recent = await db.ExecuteScalarAsync<long>(RecentRevealsSql, new { actorId = caller.Id, action = Action, since = clock.GetUtcNow().AddHours(-1) }, cancellationToken);
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
}
