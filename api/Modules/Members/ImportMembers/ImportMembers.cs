using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Members.ImportMembers;

/// <summary>How many members were imported (0 when the file was refused) and the report of the check.</summary>
internal sealed record ImportMembersResult(int Imported, ImportReport Report);

/// <summary>
/// Imports a whole member spreadsheet in one transaction: the file is checked again first, and a file with
/// any problem is refused (400 with the report) with nothing written.
/// </summary>
internal sealed record ImportMembersCommand(Guid OrganizationId, string FileName, Stream File)
    : ICommand<ImportMembersResult>;

internal sealed class ImportMembersHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    MemberImportReader reader,
    PersonalDataProtector protector,
    CallerAccessor callers,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<ImportMembersCommand, ImportMembersResult>
{
    public async ValueTask<ImportMembersResult> Handle(
        ImportMembersCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var target =
            await organizations.FindWithinAsync(command.OrganizationId, scope, cancellationToken)
            ?? throw MemberErrors.OrganizationNotFound();
        var (report, rows) = await reader.ReadAsync(command.File, target, scope, "ImportMembers", cancellationToken);
        if (report.Errors.Count > 0 || rows.Count == 0)
        {
            // Refused before the first insert: nothing to roll back, and nothing to audit.
            audit.MarkWritten();
            return new ImportMembersResult(0, report);
        }
        var now = clock.GetUtcNow();
        foreach (var row in rows)
        {
            var id = Guid.CreateVersion7();
            // Someone registering the same person meanwhile: the whole import rolls back as 409.
            var inserted = await db.ExecuteOrConflictAsync(
                MemberRegistration.InsertSql,
                MemberRegistration.InsertParameters(id, row.Organization, row.Request, row.IdNumber, protector, now),
                MemberErrors.Exists,
                cancellationToken
            );
            if (inserted == 0)
            {
                throw MemberErrors.Exists();
            }
            if (row.Request.Stage == MemberStage.Applicant && row.Request.AppliedOn is { } applied)
            {
                await PipelineSteps.RecordAsync(
                    db,
                    id,
                    PipelineStep.Application,
                    applied,
                    new { talkOn = row.Request.TalkOn },
                    null,
                    callers.Current.Id,
                    now,
                    cancellationToken
                );
            }
        }
        // One row for the import (not one per member, and never the file's personal data).
        audit.Record(
            new AuditRecord(
                "ImportMembers",
                "Organization",
                target.Id.ToString(),
                target.Id,
                After: new { file = command.FileName, imported = rows.Count }
            )
        );
        return new ImportMembersResult(rows.Count, report);
    }
}
