using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Members.UpdateMember;

/// <summary>
/// The personal fields of a record. The organization changes only through a transfer and the stage only
/// through the pipeline's steps, so neither is here. Clients see the ID number and phone masked, so a
/// null ID number or phone keeps the stored one (an empty phone removes it); birth date and gender always
/// follow the ID number.
/// </summary>
internal sealed record UpdateMemberRequest(
    string? Name,
    Gender? Gender,
    string? Ethnicity,
    DateOnly? BirthDate,
    string? IdNumber,
    string? Phone,
    Education? Education,
    string? Occupation,
    MemberCategory? Category
)
{
    public MemberFields Fields() =>
        new(Name, Gender, Ethnicity, BirthDate, IdNumber, Phone, Education, Occupation, Category);
}

internal sealed record UpdateMemberCommand(Guid Id, long ExpectedVersion, UpdateMemberRequest Body)
    : ICommand<MemberResponse>;

internal sealed class UpdateMemberValidator : AbstractValidator<UpdateMemberCommand>
{
    public UpdateMemberValidator(TimeProvider clock) =>
        RuleFor(c => c.Body.Fields())
            .SetValidator(new MemberFieldsValidator(clock, idNumberRequired: false))
            .OverridePropertyName("Body");
}

internal sealed class UpdateMemberHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    MemberRuleSets rules,
    PersonalDataProtector protector,
    AuditTrail audit,
    RegisteredElsewhereAnswers elsewhere,
    TimeProvider clock
) : ICommandHandler<UpdateMemberCommand, MemberResponse>
{
    // Version, scope and the uniqueness of the ID number are all conditions of the one statement.
    private const string UpdateSql = """
        UPDATE members
        SET name = @name, gender = COALESCE(@gender, gender), ethnicity = @ethnicity, birth_date = COALESCE(@birthDate,
            birth_date),
            id_number_cipher = COALESCE(@idNumberCipher, id_number_cipher),
            id_number_index = COALESCE(@idNumberIndex, id_number_index),
            id_number_masked = COALESCE(@idNumberMasked, id_number_masked),
            phone_cipher = CASE WHEN @keepPhone = 1 THEN phone_cipher ELSE @phoneCipher END,
            phone_masked = CASE WHEN @keepPhone = 1 THEN phone_masked ELSE @phoneMasked END,
            education = @education, occupation = @occupation,
            category = @category, updated_at = @now, version = version + 1
        WHERE id = @id AND version = @expectedVersion AND org_path >= @from AND org_path < @to
          AND NOT EXISTS (SELECT 1 FROM members other WHERE other.id_number_index = @idNumberIndex AND other.id <> @id)
        """;

    private const string DuplicateSql =
        "SELECT COUNT(*) FROM members WHERE id_number_index = @idNumberIndex AND id <> @id";

    public async ValueTask<MemberResponse> Handle(UpdateMemberCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var scope = await currentScope.GetAsync(cancellationToken);
        var idNumber = body.IdNumber is null ? null : ProtectedIdNumber.Normalize(body.IdNumber);
        var protectedId = idNumber is null ? null : ProtectedIdNumber.From(protector, idNumber);
        var phone = body.Phone is null ? null : ProtectedPhone.From(protector, body.Phone);
        if (idNumber is not null)
        {
            await elsewhere.EnsureWithinLimitAsync(scope, cancellationToken);
        }
        // The state the update replaces, for the audit row (read in the transaction; the version guard below means
        // a row changed in between is a 412, never an audit row with the wrong "before").
        var before = await MemberRecords.FindAsync(db, scope, command.Id, cancellationToken);
        var updated = await db.ExecuteOrConflictAsync(
            UpdateSql,
            new
            {
                id = command.Id,
                expectedVersion = command.ExpectedVersion,
                from = scope.From,
                to = scope.To,
                name = body.Name!.Trim(),
                gender = idNumber is null
                    ? null
                    : (ChineseIdNumber.IsMale(idNumber) ? Gender.Male : Gender.Female).ToString(),
                ethnicity = body.Ethnicity?.Trim(),
                birthDate = idNumber is null ? null : ChineseIdNumber.BirthDate(idNumber),
                idNumberCipher = protectedId?.Cipher,
                idNumberIndex = protectedId?.Index,
                idNumberMasked = protectedId?.Masked,
                keepPhone = phone is null ? 1 : 0,
                phoneCipher = phone?.Cipher,
                phoneMasked = phone?.Masked,
                education = body.Education?.ToString(),
                occupation = body.Occupation?.Trim(),
                category = body.Category!.Value.ToString(),
                now = clock.GetUtcNow(),
            },
            MemberErrors.Exists,
            cancellationToken
        );
        if (updated == 0)
        {
            // Nothing changed: say why (someone else's ID number, or a stale version; a missing member was 404 above).
            if (
                protectedId is not null
                && await db.ExecuteScalarAsync<long>(
                    DuplicateSql,
                    new { idNumberIndex = protectedId.Index, id = command.Id },
                    cancellationToken
                ) > 0
            )
            {
                throw await elsewhere.RefusalAsync(
                    scope,
                    protectedId.Index,
                    idNumber!,
                    before.OrgId,
                    "UpdateMember",
                    cancellationToken
                );
            }
            throw new PreconditionFailedException();
        }
        var row = await MemberRecords.FindAsync(db, scope, command.Id, cancellationToken);
        audit.Record(
            new AuditRecord(
                "UpdateMember",
                "Member",
                row.Id.ToString(),
                row.OrgId,
                AuditedFields(before),
                AuditedFields(row)
            )
        );
        return await MemberRecords.RespondAsync(row, organizations, rules, clock.Today(), cancellationToken);
    }

    /// <summary>What an update may change, as the audit compares it: ID number and phone only as their masks.</summary>
    private static object AuditedFields(MemberRow row) =>
        new
        {
            name = row.Name,
            gender = row.Gender,
            ethnicity = row.Ethnicity,
            birthDate = row.BirthDate,
            idNumber = row.IdNumberMasked,
            phone = row.PhoneMasked,
            education = row.Education,
            occupation = row.Occupation,
            category = row.Category,
        };
}
