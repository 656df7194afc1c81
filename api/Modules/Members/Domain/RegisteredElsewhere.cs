using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace Jiceng.Modules.Members.Domain;

/// <summary>Bound from <c>Security</c>: how often the register answers "registered elsewhere" to one caller.</summary>
internal sealed class RegisteredElsewhereOptions
{
    /// <summary>Answers per caller per hour; past it every ID-number check of the caller is 429 for the hour.</summary>
    public int RegisteredElsewherePerHour { get; set; } = 10;

    /// <summary>An import (check or commit) hitting more records outside the caller's scope is refused whole.</summary>
    public int ImportRegisteredElsewhereLimit { get; set; } = 3;
}

/// <summary>
/// One record per person across the country means a create, an update or an import must refuse a number
/// registered in another region, and that refusal would otherwise tell a member manager where anyone is
/// registered. Outside the caller's scope the answer therefore says only "registered elsewhere, a transfer is
/// needed", is audited with the caller (the row survives the refusal), is counted per caller per hour like a
/// reveal, and an import that hits more than a few such records is refused whole: a probe, not a register.
/// Callers who see the whole tree have no "elsewhere" and are not counted.
/// </summary>
internal sealed class RegisteredElsewhereAnswers(
    DbSession db,
    CallerAccessor callers,
    AuditTrail trail,
    AuditWriter writer,
    TimeProvider clock,
    IOptions<RegisteredElsewhereOptions> options
)
{
    public const string Action = "MemberRegisteredElsewhere";
    public const string ImportRefusedAction = "MemberImportRefusedRegisteredElsewhere";

    private const string RecentSql = """
        SELECT COUNT(*) FROM audit_log
        WHERE actor_id = @actorId AND at > @since
          AND action IN ('MemberRegisteredElsewhere', 'MemberImportRefusedRegisteredElsewhere')
        """;

    private const string OrganizationPathSql = "SELECT org_path FROM members WHERE id_number_index = @index";

    public int ImportLimit => options.Value.ImportRegisteredElsewhereLimit;

    /// <summary>
    /// Before any check of an ID number: a caller already at the hourly limit is refused whatever the number, so the
    /// 429 itself says nothing about it.
    /// </summary>
    public async Task EnsureWithinLimitAsync(DataScope scope, CancellationToken cancellationToken)
    {
        if (scope == DataScope.WholeTree)
        {
            return;
        }
        var recent = await db.ExecuteScalarAsync<long>(
            RecentSql,
            new { actorId = callers.Current.Id, since = clock.GetUtcNow().AddHours(-1) },
            cancellationToken
        );
        if (recent >= options.Value.RegisteredElsewherePerHour)
        {
            throw new TooManyRequestsException(TimeSpan.FromMinutes(10));
        }
    }

    /// <summary>
    /// The refusal for a number already registered: member_exists inside the scope, the neutral answer (audited)
    /// outside it.
    /// </summary>
    public async Task<BusinessRuleException> RefusalAsync(
        DataScope scope,
        string idNumberIndex,
        string idNumber,
        Guid organizationId,
        string operation,
        CancellationToken cancellationToken
    )
    {
        var path = await db.ExecuteScalarAsync<string>(
            OrganizationPathSql,
            new { index = idNumberIndex },
            cancellationToken
        );
        if (path is null || scope.Contains(path))
        {
            return MemberErrors.Exists();
        }
        await AuditAsync(
            new AuditRecord(Action, "Member", null, organizationId, After: new { operation, idNumber }),
            cancellationToken
        );
        return MemberErrors.RegisteredElsewhere();
    }

    /// <summary>An answer in an import's report (a row error): audited like a single answer.</summary>
    public Task AuditImportRowAsync(
        Guid organizationId,
        string operation,
        int row,
        string idNumber,
        CancellationToken cancellationToken
    ) =>
        AuditAsync(
            new AuditRecord(
                Action,
                "Member",
                null,
                organizationId,
                After: new
                {
                    operation,
                    row,
                    idNumber,
                }
            ),
            cancellationToken
        );

    /// <summary>An import that hit too many records outside the scope: audited, refused, no row named.</summary>
    public async Task<BusinessRuleException> RefuseImportAsync(
        Guid organizationId,
        string operation,
        int rows,
        int hits,
        CancellationToken cancellationToken
    )
    {
        await AuditAsync(
            new AuditRecord(
                ImportRefusedAction,
                "Organization",
                organizationId.ToString(),
                organizationId,
                After: new
                {
                    operation,
                    rows,
                    hits,
                }
            ),
            cancellationToken
        );
        return MemberErrors.ImportHitsOtherRegions(ImportLimit);
    }

    // Inside a command the row is kept through the refusal's rollback; a query (the import check) has no
    // transaction, so the row commits as it is written.
    private async Task AuditAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        if (db.InTransaction)
        {
            trail.RecordEvenIfRefused(record);
        }
        else
        {
            await writer.WriteAsync(record, cancellationToken);
        }
    }
}
