using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.RecordShareChange;

/// <param name="MemberId">Whose holding changes.</param>
/// <param name="ShareTypeId">Which share type.</param>
/// <param name="Delta">Shares received (positive) or given up (negative).</param>
internal sealed record ShareChangeLine(Guid? MemberId, Guid? ShareTypeId, long? Delta);

/// <param name="Number">The new household's number.</param>
/// <param name="Address">The new household's address.</param>
/// <param name="MemberIds">The members who leave their household for the new one.</param>
/// <param name="HeadMemberId">The new household's head, one of them.</param>
internal sealed record NewHouseholdFromSplit(
    string? Number,
    string? Address,
    IReadOnlyList<Guid>? MemberIds,
    Guid? HeadMemberId
);

/// <param name="Kind">Inheritance, Transfer, HouseholdSplit; Allotment and Cancellation under dynamic management.
/// </param>
/// <param name="EffectiveOn">The day the change takes effect (the register as of an earlier day is unchanged).</param>
/// <param name="Reason">Why (e.g. 继承父亲王某股份).</param>
/// <param name="DocumentRef">The supporting document's reference (死亡证明、转让协议、分户决议).</param>
/// <param name="Lines">The shares that move.</param>
/// <param name="DeceasedMemberId">For an inheritance: the member who died (recorded as deceased on that day).</param>
/// <param name="NewHousehold">For a household split: the household made.</param>
internal sealed record RecordShareChangeRequest(
    ShareChangeKind? Kind,
    DateOnly? EffectiveOn,
    string? Reason,
    string? DocumentRef,
    IReadOnlyList<ShareChangeLine>? Lines,
    Guid? DeceasedMemberId,
    NewHouseholdFromSplit? NewHousehold
);

internal sealed record RecordShareChangeResponse(Guid Id, Guid CollectiveId, ShareChangeKind Kind, Guid? HouseholdId);

/// <summary>
/// Records a dated share change (never an edit): its lines are appended and the current holdings move in the same
/// conditional statements, so a member can never give more than they hold, even with two changes at once.
/// </summary>
internal sealed record RecordShareChangeCommand(Guid CollectiveId, RecordShareChangeRequest Body)
    : ICommand<RecordShareChangeResponse>;

internal sealed class RecordShareChangeValidator : AbstractValidator<RecordShareChangeCommand>
{
    public RecordShareChangeValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.Kind).NotNull().IsInEnum().NotEqual(ShareChangeKind.Initial);
        RuleFor(c => c.Body.EffectiveOn)
            .NotNull()
            .Must(d => d is null || d <= clock.Today())
            .WithMessage(_ => Localized.Text("生效日期不能晚于今天。", "The effective day cannot be after today."));
        RuleFor(c => c.Body.Reason).RequiredText().MaximumLength(500);
        RuleFor(c => c.Body.DocumentRef).MaximumLength(100);
        RuleFor(c => c.Body.Lines).Must(l => l is null || l.Count <= 200);
        RuleForEach(c => c.Body.Lines)
            .ChildRules(line =>
            {
                line.RuleFor(l => l.MemberId).NotNull();
                line.RuleFor(l => l.ShareTypeId).NotNull();
                line.RuleFor(l => l.Delta).NotNull().NotEqual(0).InclusiveBetween(-1_000_000, 1_000_000);
            });
        RuleFor(c => c.Body.DeceasedMemberId).Null().When(c => c.Body.Kind != ShareChangeKind.Inheritance);
        RuleFor(c => c.Body.NewHousehold).NotNull().When(c => c.Body.Kind == ShareChangeKind.HouseholdSplit);
        RuleFor(c => c.Body.NewHousehold).Null().When(c => c.Body.Kind != ShareChangeKind.HouseholdSplit);
        // Whether a split names a number, members and a head is the handler's 409: the object is optional, so the
        // document cannot promise its fields as required.
        RuleFor(c => c.Body.NewHousehold!.Number).MaximumLength(20).When(c => c.Body.NewHousehold is not null);
        RuleFor(c => c.Body.NewHousehold!.Address).MaximumLength(200).When(c => c.Body.NewHousehold is not null);
        RuleFor(c => c.Body.NewHousehold!.MemberIds)
            .Must(m => m is null || m.Count <= 30)
            .When(c => c.Body.NewHousehold is not null);
        RuleFor(c => c.Body.NewHousehold!.HeadMemberId)
            .Must((c, head) => head is null || c.Body.NewHousehold!.MemberIds?.Contains(head.Value) == true)
            .WithMessage(_ =>
                Localized.Text(
                    "新户户主须是分出的成员之一。",
                    "The new household's head is one of the members who move."
                )
            )
            .When(c => c.Body.NewHousehold is not null);
    }
}

internal sealed class RecordShareChangeHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    TimeProvider clock
) : ICommandHandler<RecordShareChangeCommand, RecordShareChangeResponse>
{
    private const string MembersSql = """
        SELECT id, household_id, name, status FROM collective_members WHERE collective_id = @collectiveId
        """;

    private const string HouseholdsSql =
        "SELECT id, head_member_id FROM collective_households WHERE collective_id = @collectiveId";

    private const string InsertChangeSql = """
        INSERT INTO collective_share_changes (id, collective_id, org_path, region_root_id, kind, effective_on, reason,
            document_ref, recorded_by, recorded_at)
        VALUES (@id, @collectiveId, @orgPath, @regionRootId, @kind, @effectiveOn, @reason, @documentRef,
            @recordedBy, @now)
        """;

    private const string InsertLineSql = """
        INSERT INTO collective_share_change_lines (change_id, line_no, collective_id, member_id, share_type_id,
            effective_on, delta)
        VALUES (@changeId, @lineNo, @collectiveId, @memberId, @shareTypeId, @effectiveOn, @delta)
        """;

    // A holding never goes below zero: the guard is part of the one statement that moves it.
    private const string MoveHoldingSql = """
        UPDATE collective_share_holdings SET quantity = quantity + @delta, version = version + 1
        WHERE member_id = @memberId AND share_type_id = @shareTypeId AND quantity + @delta >= 0
        """;

    private const string InsertHoldingSql = """
        INSERT INTO collective_share_holdings (member_id, share_type_id, collective_id, quantity, version)
        SELECT @memberId, @shareTypeId, @collectiveId, @delta, 1
        WHERE NOT EXISTS (SELECT 1 FROM collective_share_holdings
            WHERE member_id = @memberId AND share_type_id = @shareTypeId)
        """;

    private const string DeceasedSql = """
        UPDATE collective_members SET status = 'Deceased', status_on = @on, updated_at = @now, version = version + 1
        WHERE id = @id AND collective_id = @collectiveId AND status = 'Active'
        """;

    private const string InsertHouseholdSql = """
        INSERT INTO collective_households (id, collective_id, org_id, org_path, region_root_id, number, address,
            head_member_id, split_from_id, created_on, created_at, updated_at, version)
        VALUES (@id, @collectiveId, @orgId, @orgPath, @regionRootId, @number, @address, @headMemberId, @splitFromId,
            @createdOn, @now, @now, 1)
        """;

    private const string MoveMemberSql = """
        UPDATE collective_members SET household_id = @householdId, updated_at = @now, version = version + 1
        WHERE id = @id AND household_id = @fromHouseholdId
        """;

    private const string HeadOfNewSql = """
        UPDATE collective_members SET relation = 'Head', updated_at = @now, version = version + 1 WHERE id = @id
        """;

    public async ValueTask<RecordShareChangeResponse> Handle(
        RecordShareChangeCommand command,
        CancellationToken cancellationToken
    )
    {
        var body = command.Body;
        var kind = body.Kind!.Value;
        var scope = await currentScope.GetAsync(cancellationToken);
        var collective = await Collectives.FindAsync(db, scope, command.CollectiveId, cancellationToken);
        if (!ShareChangeRules.AllowedUnder(collective.ShareManagement, kind))
        {
            throw DividendsErrors.StaticSharesFixed();
        }
        var members = (
            await db.QueryAsync<MemberRow>(MembersSql, new { collectiveId = collective.Id }, cancellationToken)
        ).ToDictionary(m => m.Id);
        var types = (await ShareTypes.ListAsync(db, collective.Id, cancellationToken)).ToDictionary(t => t.Id);
        var lines = body.Lines ?? [];
        if (lines.Count == 0 && kind != ShareChangeKind.HouseholdSplit)
        {
            throw DividendsErrors.ShareChangeWithoutLines();
        }
        if (lines.Any(l => !members.ContainsKey(l.MemberId!.Value) || !types.ContainsKey(l.ShareTypeId!.Value)))
        {
            throw DividendsErrors.TransferOutsideCollective();
        }
        if (
            ShareChangeRules.MustBalance(kind)
            && ShareChangeRules.Unbalanced(lines.Select(l => (l.ShareTypeId!.Value, l.Delta!.Value))) is { } type
        )
        {
            throw DividendsErrors.ShareChangeNotBalanced(types[type].Name);
        }
        var now = clock.GetUtcNow();
        var effectiveOn = body.EffectiveOn!.Value;
        if (body.DeceasedMemberId is { } deceased)
        {
            if (!members.ContainsKey(deceased))
            {
                throw DividendsErrors.NotInCollective("deceasedMemberId");
            }
            await db.ExecuteAsync(
                DeceasedSql,
                new
                {
                    id = deceased,
                    collectiveId = collective.Id,
                    on = effectiveOn,
                    now,
                },
                cancellationToken
            );
        }
        Guid? newHouseholdId = null;
        if (body.NewHousehold is { } split)
        {
            newHouseholdId = await SplitAsync(collective, members, split, effectiveOn, now, cancellationToken);
        }
        var changeId = Guid.CreateVersion7();
        await db.ExecuteAsync(
            InsertChangeSql,
            new
            {
                id = changeId,
                collectiveId = collective.Id,
                orgPath = collective.OrgPath,
                regionRootId = collective.RegionRootId,
                kind = kind.ToString(),
                effectiveOn,
                reason = body.Reason!.Trim(),
                documentRef = string.IsNullOrWhiteSpace(body.DocumentRef) ? null : body.DocumentRef.Trim(),
                recordedBy = callers.Current.ShownName,
                now,
            },
            cancellationToken
        );
        // Givers first, so a transfer between two members never passes through a negative holding.
        var ordered = lines.Select((l, i) => (Line: l, No: i + 1)).OrderBy(x => x.Line.Delta).ToList();
        foreach (var (line, no) in ordered)
        {
            var parameters = new
            {
                changeId,
                lineNo = no,
                collectiveId = collective.Id,
                memberId = line.MemberId!.Value,
                shareTypeId = line.ShareTypeId!.Value,
                effectiveOn,
                delta = line.Delta!.Value,
            };
            await db.ExecuteAsync(InsertLineSql, parameters, cancellationToken);
            var moved = await db.ExecuteAsync(MoveHoldingSql, parameters, cancellationToken);
            if (
                moved == 0
                && (line.Delta < 0 || await db.ExecuteAsync(InsertHoldingSql, parameters, cancellationToken) == 0)
            )
            {
                throw DividendsErrors.SharesInsufficient(
                    members[line.MemberId.Value].Name,
                    types[line.ShareTypeId.Value].Name
                );
            }
        }
        return new(changeId, collective.Id, kind, newHouseholdId);
    }

    private async Task<Guid> SplitAsync(
        CollectiveRecord collective,
        IReadOnlyDictionary<Guid, MemberRow> members,
        NewHouseholdFromSplit split,
        DateOnly effectiveOn,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        if (
            string.IsNullOrWhiteSpace(split.Number)
            || split.MemberIds is not { Count: > 0 }
            || split.HeadMemberId is null
        )
        {
            throw DividendsErrors.SplitNeedsMembers();
        }
        var moving = split.MemberIds.Distinct().ToList();
        if (moving.Any(id => !members.ContainsKey(id)))
        {
            throw DividendsErrors.NotInCollective("newHousehold.memberIds");
        }
        var from = moving.Select(id => members[id].HouseholdId).Distinct().ToList();
        var households = (
            await db.QueryAsync<HouseholdRow>(HouseholdsSql, new { collectiveId = collective.Id }, cancellationToken)
        ).ToDictionary(h => h.Id);
        var staying = members.Values.Count(m =>
            m.HouseholdId == from[0] && m.Status == nameof(CollectiveMemberStatus.Active) && !moving.Contains(m.Id)
        );
        // One household splits at a time, its head stays, and someone stays with the head.
        if (from.Count != 1 || staying == 0 || moving.Contains(households[from[0]].HeadMemberId ?? Guid.Empty))
        {
            throw DividendsErrors.SplitNeedsMembers();
        }
        var id = Guid.CreateVersion7();
        await db.ExecuteOrConflictAsync(
            InsertHouseholdSql,
            new
            {
                id,
                collectiveId = collective.Id,
                orgId = collective.OrgId,
                orgPath = collective.OrgPath,
                regionRootId = collective.RegionRootId,
                number = split.Number.Trim(),
                address = split.Address?.Trim(),
                headMemberId = split.HeadMemberId.Value,
                splitFromId = from[0],
                createdOn = effectiveOn,
                now,
            },
            DividendsErrors.HouseholdNumberExists,
            cancellationToken
        );
        foreach (var member in moving)
        {
            var moved = await db.ExecuteAsync(
                MoveMemberSql,
                new
                {
                    id = member,
                    householdId = id,
                    fromHouseholdId = from[0],
                    now,
                },
                cancellationToken
            );
            if (moved == 0)
            {
                throw DividendsErrors.SplitNeedsMembers();
            }
        }
        await db.ExecuteAsync(HeadOfNewSql, new { id = split.HeadMemberId!.Value, now }, cancellationToken);
        return id;
    }

    private sealed record MemberRow
    {
        public Guid Id { get; init; }
        public Guid HouseholdId { get; init; }
        public string Name { get; init; } = "";
        public string Status { get; init; } = "";
    }

    private sealed record HouseholdRow
    {
        public Guid Id { get; init; }
        public Guid? HeadMemberId { get; init; }
    }
}
