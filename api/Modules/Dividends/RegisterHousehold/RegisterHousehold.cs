using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.RegisterHousehold;

/// <param name="Name">The member's name.</param>
/// <param name="IdNumber">居民身份证号码 (checked; stored encrypted, shown masked).</param>
/// <param name="Relation">Relation to the head of household; exactly one member is the head.</param>
/// <param name="BankAccount">The account payouts go to (stored encrypted, shown masked), if any.</param>
/// <param name="BankName">The bank or branch of the account.</param>
/// <param name="Shares">The member's initial shares by type.</param>
internal sealed record NewCollectiveMember(
    string? Name,
    string? IdNumber,
    HouseholdRelation? Relation,
    string? BankAccount,
    string? BankName,
    IReadOnlyList<ShareQuantity>? Shares
);

/// <param name="Number">户号, unique in the collective.</param>
/// <param name="Address">The household's address.</param>
/// <param name="SharesFrom">The day the initial shares take effect (the register as of an earlier day leaves them
/// out).</param>
/// <param name="ConfirmationId">The membership confirmation (公示 and vote) that confirmed these members.</param>
/// <param name="Members">The household's members, the head among them.</param>
internal sealed record RegisterHouseholdRequest(
    string? Number,
    string? Address,
    DateOnly? SharesFrom,
    Guid? ConfirmationId,
    IReadOnlyList<NewCollectiveMember>? Members
);

internal sealed record RegisterHouseholdResponse(
    Guid Id,
    Guid CollectiveId,
    string Number,
    IReadOnlyList<Guid> Members
);

/// <summary>
/// Registers a household (户) with its members and their initial shares: the household, each member with protected
/// personal data, one dated initial-allotment share change and the current holdings, in one transaction.
/// </summary>
internal sealed record RegisterHouseholdCommand(Guid CollectiveId, RegisterHouseholdRequest Body)
    : ICommand<RegisterHouseholdResponse>;

internal sealed class RegisterHouseholdValidator : AbstractValidator<RegisterHouseholdCommand>
{
    public RegisterHouseholdValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.Number).RequiredText().MaximumLength(20);
        RuleFor(c => c.Body.Address).MaximumLength(200);
        RuleFor(c => c.Body.SharesFrom)
            .NotNull()
            .Must(d => d is null || d <= clock.Today())
            .WithMessage(_ => Localized.Text("生效日期不能晚于今天。", "The effective day cannot be after today."));
        RuleFor(c => c.Body.Members).NotEmpty().Must(m => m is null || m.Count <= 30);
        RuleFor(c => c.Body.Members)
            .Must(m => m is null || m.Count(x => x.Relation == HouseholdRelation.Head) == 1)
            .WithMessage(_ => Localized.Text("每户须有且只有一名户主。", "A household has exactly one head."))
            .Must(m => m is null || m.Select(x => x.IdNumber?.Trim().ToUpperInvariant()).Distinct().Count() == m.Count)
            .WithMessage(_ =>
                Localized.Text("同一户中身份证号码重复。", "An ID number appears twice in the household.")
            );
        RuleForEach(c => c.Body.Members)
            .ChildRules(member =>
            {
                member.RuleFor(m => m.Name).RequiredText().MaximumLength(50);
                member
                    .RuleFor(m => m.IdNumber)
                    .Cascade(CascadeMode.Stop)
                    .NotEmpty()
                    .Must(n => ChineseIdNumber.IsValid(n!.Trim().ToUpperInvariant()))
                    .WithMessage(_ =>
                        Localized.Text(
                            "公民身份号码不正确（校验码不符）。",
                            "The ID number is not valid (check digit)."
                        )
                    );
                member.RuleFor(m => m.Relation).NotNull().IsInEnum();
                member
                    .RuleFor(m => m.BankAccount)
                    .Must(a => string.IsNullOrWhiteSpace(a) || CollectiveMemberData.IsAccount(a))
                    .WithMessage(_ =>
                        Localized.Text("银行账号应为 8 到 32 位数字。", "A bank account has 8 to 32 digits.")
                    );
                member.RuleFor(m => m.BankName).MaximumLength(100);
                member.RuleFor(m => m.Shares).Must(s => s is null || s.Count <= 20);
                member
                    .RuleForEach(m => m.Shares)
                    .ChildRules(share =>
                    {
                        share.RuleFor(s => s.ShareTypeId).NotNull();
                        share.RuleFor(s => s.Quantity).NotNull().InclusiveBetween(1, 1_000_000);
                    });
            });
    }
}

internal sealed class RegisterHouseholdHandler(
    DbSession db,
    CurrentScope currentScope,
    PersonalDataProtector protector,
    CallerAccessor callers,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<RegisterHouseholdCommand, RegisterHouseholdResponse>
{
    private const string ConfirmationSql =
        "SELECT COUNT(*) FROM collective_membership_confirmations WHERE id = @id AND collective_id = @collectiveId";

    private const string InsertHouseholdSql = """
        INSERT INTO collective_households (id, collective_id, org_id, org_path, region_root_id, number, address,
            head_member_id, split_from_id, created_on, created_at, updated_at, version)
        VALUES (@id, @collectiveId, @orgId, @orgPath, @regionRootId, @number, @address, @headMemberId, NULL,
            @createdOn, @now, @now, 1)
        """;

    // The same person twice in one collective is refused here (the unique blind index is the backstop).
    private const string InsertMemberSql = """
        INSERT INTO collective_members (id, collective_id, household_id, org_id, org_path, region_root_id, name,
            gender, birth_date, relation, id_number_cipher, id_number_index, id_number_masked, bank_account_cipher,
            bank_account_masked, bank_name, status, status_on, confirmation_id, created_at, updated_at, version)
        SELECT @id, @collectiveId, @householdId, @orgId, @orgPath, @regionRootId, @name, @gender, @birthDate,
            @relation, @idNumberCipher, @idNumberIndex, @idNumberMasked, @bankAccountCipher, @bankAccountMasked,
            @bankName, 'Active', NULL, @confirmationId, @now, @now, 1
        WHERE NOT EXISTS (SELECT 1 FROM collective_members
            WHERE collective_id = @collectiveId AND id_number_index = @idNumberIndex)
        """;

    private const string InsertChangeSql = """
        INSERT INTO collective_share_changes (id, collective_id, org_path, region_root_id, kind, effective_on, reason,
            document_ref, recorded_by, recorded_at)
        VALUES (@id, @collectiveId, @orgPath, @regionRootId, 'Initial', @effectiveOn, @reason, NULL, @recordedBy,
            @now)
        """;

    private const string InsertLineSql = """
        INSERT INTO collective_share_change_lines (change_id, line_no, collective_id, member_id, share_type_id,
            effective_on, delta)
        VALUES (@changeId, @lineNo, @collectiveId, @memberId, @shareTypeId, @effectiveOn, @delta)
        """;

    private const string InsertHoldingSql = """
        INSERT INTO collective_share_holdings (member_id, share_type_id, collective_id, quantity, version)
        VALUES (@memberId, @shareTypeId, @collectiveId, @quantity, 1)
        """;

    public async ValueTask<RegisterHouseholdResponse> Handle(
        RegisterHouseholdCommand command,
        CancellationToken cancellationToken
    )
    {
        var body = command.Body;
        var scope = await currentScope.GetAsync(cancellationToken);
        var collective = await Collectives.FindAsync(db, scope, command.CollectiveId, cancellationToken);
        var types = (await ShareTypes.ListAsync(db, collective.Id, cancellationToken)).Select(t => t.Id).ToHashSet();
        var members = body.Members!;
        for (var i = 0; i < members.Count; i++)
        {
            if ((members[i].Shares ?? []).Any(s => !types.Contains(s.ShareTypeId!.Value)))
            {
                throw DividendsErrors.NotInCollective($"members[{i}].shares");
            }
        }
        if (
            body.ConfirmationId is { } confirmationId
            && await db.ExecuteScalarAsync<long>(
                ConfirmationSql,
                new { id = confirmationId, collectiveId = collective.Id },
                cancellationToken
            ) == 0
        )
        {
            throw DividendsErrors.NotInCollective("confirmationId");
        }
        var now = clock.GetUtcNow();
        var householdId = Guid.CreateVersion7();
        var memberIds = members.Select(_ => Guid.CreateVersion7()).ToList();
        var headIndex = members.ToList().FindIndex(m => m.Relation == HouseholdRelation.Head);
        var place = new
        {
            collectiveId = collective.Id,
            orgId = collective.OrgId,
            orgPath = collective.OrgPath,
            regionRootId = collective.RegionRootId,
        };
        await db.ExecuteOrConflictAsync(
            InsertHouseholdSql,
            db.Merge(
                place,
                new
                {
                    id = householdId,
                    number = body.Number!.Trim(),
                    address = body.Address?.Trim(),
                    headMemberId = memberIds[headIndex],
                    createdOn = body.SharesFrom!.Value,
                    now,
                }
            ),
            DividendsErrors.HouseholdNumberExists,
            cancellationToken
        );
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var idNumber = member.IdNumber!.Trim().ToUpperInvariant();
            var (idCipher, idIndex, idMasked) = CollectiveMemberData.IdNumber(protector, idNumber);
            var (accountCipher, accountMasked) = CollectiveMemberData.Account(protector, member.BankAccount);
            var inserted = await db.ExecuteOrConflictAsync(
                InsertMemberSql,
                db.Merge(
                    place,
                    new
                    {
                        id = memberIds[i],
                        householdId,
                        name = member.Name!.Trim(),
                        gender = ChineseIdNumber.IsMale(idNumber) ? "Male" : "Female",
                        birthDate = ChineseIdNumber.BirthDate(idNumber)!.Value,
                        relation = member.Relation!.Value.ToString(),
                        idNumberCipher = idCipher,
                        idNumberIndex = idIndex,
                        idNumberMasked = idMasked,
                        bankAccountCipher = accountCipher,
                        bankAccountMasked = accountMasked,
                        bankName = member.BankName?.Trim(),
                        confirmationId = body.ConfirmationId,
                        now,
                    }
                ),
                DividendsErrors.CollectiveMemberExists,
                cancellationToken
            );
            if (inserted == 0)
            {
                throw DividendsErrors.CollectiveMemberExists();
            }
        }
        var lines = members
            .SelectMany((m, i) => (m.Shares ?? []).Select(s => (Member: memberIds[i], s.ShareTypeId, s.Quantity)))
            .GroupBy(l => (l.Member, l.ShareTypeId!.Value))
            .Select(g => (g.Key.Member, Type: g.Key.Value, Quantity: g.Sum(l => l.Quantity!.Value)))
            .ToList();
        if (lines.Count > 0)
        {
            var changeId = Guid.CreateVersion7();
            await db.ExecuteAsync(
                InsertChangeSql,
                db.Merge(
                    place,
                    new
                    {
                        id = changeId,
                        effectiveOn = body.SharesFrom.Value,
                        reason = Localized.Text("入户登记，初始配股", "Household registered: initial shares"),
                        recordedBy = callers.Current.ShownName,
                        now,
                    }
                ),
                cancellationToken
            );
            for (var n = 0; n < lines.Count; n++)
            {
                var (memberId, type, quantity) = lines[n];
                await db.ExecuteAsync(
                    InsertLineSql,
                    new
                    {
                        changeId,
                        lineNo = n + 1,
                        collectiveId = collective.Id,
                        memberId,
                        shareTypeId = type,
                        effectiveOn = body.SharesFrom.Value,
                        delta = quantity,
                    },
                    cancellationToken
                );
                await db.ExecuteAsync(
                    InsertHoldingSql,
                    new
                    {
                        memberId,
                        shareTypeId = type,
                        collectiveId = collective.Id,
                        quantity,
                    },
                    cancellationToken
                );
            }
        }
        // Written by hand so ID numbers and accounts reach the audit log masked only.
        audit.Record(
            new AuditRecord(
                "RegisterHousehold",
                "CollectiveHousehold",
                householdId.ToString(),
                collective.OrgId,
                After: new
                {
                    collectiveId = collective.Id,
                    number = body.Number.Trim(),
                    members = members.Select(m => new
                    {
                        m.Name,
                        idNumber = PersonalDataMask.IdNumber(m.IdNumber!.Trim()),
                        m.Relation,
                        bankAccount = string.IsNullOrWhiteSpace(m.BankAccount)
                            ? null
                            : CollectiveMemberData.MaskAccount(CollectiveMemberData.NormalizeAccount(m.BankAccount)),
                        m.Shares,
                    }),
                }
            )
        );
        return new(householdId, collective.Id, body.Number.Trim(), memberIds);
    }
}
