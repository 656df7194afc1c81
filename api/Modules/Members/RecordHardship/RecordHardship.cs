using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;

namespace Jiceng.Modules.Members.RecordHardship;

internal sealed record RecordHardshipRequest(
    HardshipCategory? Category,
    DateOnly? Since,
    DateOnly? Until,
    string? Notes
);

/// <summary>Puts a member on the hardship register (困难党员) from a
/// day, optionally until one; one open entry at a time.</summary>
internal sealed record RecordHardshipCommand(Guid MemberId, RecordHardshipRequest Body) : ICommand<HardshipResponse>;

internal sealed class RecordHardshipValidator : AbstractValidator<RecordHardshipCommand>
{
    public RecordHardshipValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.Category).NotNull().IsInEnum();
        RuleFor(c => c.Body.Since)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("开始日期不能晚于今天。", "The start cannot be after today."));
        RuleFor(c => c.Body.Until)
            .GreaterThanOrEqualTo(c => c.Body.Since)
            .When(c => c.Body.Until is not null && c.Body.Since is not null);
        // 500 characters of Chinese stay inside the 4,000-character ciphertext column once encrypted and encoded.
        RuleFor(c => c.Body.Notes).MaximumLength(500);
    }
}

internal sealed class RecordHardshipHandler(
    DbSession db,
    CurrentScope currentScope,
    PersonalDataProtector protector,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<RecordHardshipCommand, HardshipResponse>
{
    // Refused while an entry without an end (or ending after this start) is open, in the inserting statement.
    private const string InsertSql = """
        INSERT INTO member_hardships (id, member_id, category, since, until, notes_cipher, created_at, updated_at,
            version)
        SELECT @id, @memberId, @category, @since, @until, @notesCipher, @now, @now, 1
        WHERE NOT EXISTS (SELECT 1 FROM member_hardships WHERE member_id = @memberId AND (until IS NULL OR until >=
            @since))
        """;

    private const string FindSql = "SELECT " + Hardships.Columns + " FROM member_hardships WHERE id = @id";

    public async ValueTask<HardshipResponse> Handle(RecordHardshipCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var scope = await currentScope.GetAsync(cancellationToken);
        var member = await MemberRecords.FindAsync(db, scope, command.MemberId, cancellationToken);
        var id = Guid.CreateVersion7();
        await MemberRecords.ClaimActiveAsync(db, member, clock.GetUtcNow(), cancellationToken);
        var inserted = await db.ExecuteOrConflictAsync(
            InsertSql,
            new
            {
                id,
                memberId = member.Id,
                category = body.Category!.Value.ToString(),
                since = body.Since!.Value,
                until = body.Until,
                notesCipher = string.IsNullOrWhiteSpace(body.Notes) ? null : protector.Encrypt(body.Notes.Trim()),
                now = clock.GetUtcNow(),
            },
            MemberErrors.HardshipOpen,
            cancellationToken
        );
        if (inserted == 0)
        {
            throw MemberErrors.HardshipOpen();
        }
        // Written by hand so the notes (illness, income) never reach the audit log in the clear.
        audit.Record(
            new AuditRecord(
                "RecordHardship",
                "Hardship",
                id.ToString(),
                member.OrgId,
                After: new
                {
                    memberId = member.Id,
                    body.Category,
                    body.Since,
                    body.Until,
                    notes = string.IsNullOrWhiteSpace(body.Notes) ? null : "***",
                }
            )
        );
        var row = await db.QuerySingleOrDefaultAsync<HardshipRow>(FindSql, new { id }, cancellationToken);
        return row!.ToResponse(clock.Today());
    }
}
