using System.Text.Json;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Dividends.Domain;

internal enum PlanPartKind
{
    [Label("分红", "Dividend")]
    Dividend,

    [Label("养老金", "Pension")]
    Pension,

    [Label("其他", "Other")]
    Other,
}

internal sealed record PlanRow
{
    public Guid Id { get; init; }
    public Guid PlanGroupId { get; init; }
    public int VersionNo { get; init; }
    public Guid? SupersedesId { get; init; }
    public Guid CollectiveId { get; init; }
    public string CollectiveName { get; init; } = "";
    public Guid OrgId { get; init; }
    public string OrgPath { get; init; } = "";
    public Guid RegionRootId { get; init; }
    public int Year { get; init; }
    public string Title { get; init; } = "";
    public DateOnly CutOffOn { get; init; }
    public PlanStage Stage { get; init; }
    public int StepsDone { get; init; }
    public Guid PreparedBy { get; init; }
    public string PreparedByName { get; init; } = "";
    public DateOnly? NoticeStartsOn { get; init; }
    public DateOnly? NoticeEndsOn { get; init; }
    public string? CheckCode { get; init; }
    public long TotalFen { get; init; }
    public int LineCount { get; init; }
    public string? ApprovedByName { get; init; }
    public DateTimeOffset? ApprovedAt { get; init; }
    public DateTimeOffset? PayoutsCreatedAt { get; init; }
    public string? RevisionReason { get; init; }
    public long Version { get; init; }
}

internal sealed record PlanPartView(
    int PartNo,
    PlanPartKind Kind,
    string Label,
    PayoutMethod Method,
    PayeeUnit PayeeUnit,
    Money Pool,
    Money Amount,
    IReadOnlyDictionary<Guid, decimal> Weights,
    int? MinAge,
    int Payees
);

internal sealed record PlanStepView(
    int Seq,
    string Step,
    string Label,
    DateOnly OccurredOn,
    string? DocumentRef,
    AssemblyVote? Vote,
    string RecordedByName,
    DateTimeOffset RecordedAt
);

/// One step of the plan's whole path as the timeline shows it: done (with its record) or still to come.
internal sealed record PlanTimelineEntry(string Step, string Label, bool Vote, bool Done, PlanStepView? Record);

internal sealed record PlanView(
    Guid Id,
    Guid PlanGroupId,
    int VersionNo,
    Guid? SupersedesId,
    Guid? SupersededById,
    Guid CollectiveId,
    string CollectiveName,
    int Year,
    string Title,
    DateOnly CutOffOn,
    PlanStage Stage,
    string? NextStep,
    string PreparedByName,
    DateOnly? NoticeStartsOn,
    DateOnly? NoticeEndsOn,
    int NoticeDays,
    bool NoticeInWorkingDays,
    string? CheckCode,
    Money Total,
    int LineCount,
    int OpenObjections,
    string? ApprovedByName,
    DateTimeOffset? ApprovedAt,
    bool PayoutsCreated,
    string? RevisionReason,
    IReadOnlyList<PlanPartView> Parts,
    IReadOnlyList<PlanTimelineEntry> Timeline,
    long Version
);

internal static class PlanRecords
{
    public const string PlanColumns = """
        p.id, p.plan_group_id, p.version_no, p.supersedes_id, p.collective_id, c.name AS collective_name, p.org_id,
        p.org_path, p.region_root_id, p.year, p.title, p.cut_off_on, p.stage, p.steps_done, p.prepared_by,
        p.prepared_by_name, p.notice_starts_on, p.notice_ends_on, p.check_code, p.total_fen, p.line_count,
        p.approved_by_name, p.approved_at, p.payouts_created_at, p.revision_reason, p.version
        """;

    private const string FindSql = """
        SELECT p.id, p.plan_group_id, p.version_no, p.supersedes_id, p.collective_id, c.name AS collective_name,
            p.org_id, p.org_path, p.region_root_id, p.year, p.title, p.cut_off_on, p.stage, p.steps_done,
            p.prepared_by, p.prepared_by_name, p.notice_starts_on, p.notice_ends_on, p.check_code, p.total_fen,
            p.line_count, p.approved_by_name, p.approved_at, p.payouts_created_at, p.revision_reason, p.version
        FROM dividend_plans p JOIN collectives c ON c.id = p.collective_id
        WHERE p.id = @id AND p.org_path >= @from AND p.org_path < @to
        """;

    private const string PartsSql = """
        SELECT pp.part_no, pp.kind, pp.label, pp.method, pp.payee_unit, pp.pool_fen, pp.amount_fen, pp.weights,
            pp.min_age,
            (SELECT COUNT(*) FROM dividend_plan_lines l WHERE l.plan_id = pp.plan_id AND l.part_no = pp.part_no)
                AS payees
        FROM dividend_plan_parts pp WHERE pp.plan_id = @id ORDER BY pp.part_no
        """;

    private const string StepsSql = """
        SELECT seq, step, label, occurred_on, document_ref, details, recorded_by_name, recorded_at
        FROM dividend_plan_steps WHERE plan_id = @id ORDER BY seq
        """;

    private const string OpenObjectionsSql = """
        SELECT COUNT(*) FROM dividend_plan_objections WHERE plan_id = @id AND status <> 'Closed'
        """;

    private const string SupersededBySql = "SELECT id FROM dividend_plans WHERE supersedes_id = @id";

    /// 404 outside the caller's scope, as everywhere.
    public static async Task<PlanRow> FindAsync(
        DbSession db,
        DataScope scope,
        Guid id,
        CancellationToken cancellationToken
    ) =>
        await db.QuerySingleOrDefaultAsync<PlanRow>(
            FindSql,
            new
            {
                id,
                from = scope.From,
                to = scope.To,
            },
            cancellationToken
        ) ?? throw new NotFoundException("Plan");

    public static Task<int> OpenObjectionsAsync(DbSession db, Guid id, CancellationToken cancellationToken) =>
        db.ExecuteScalarAsync<int>(OpenObjectionsSql, new { id }, cancellationToken);

    public static async Task<PlanView> ViewAsync(
        DbSession db,
        PlanRow plan,
        DividendRules rules,
        CancellationToken cancellationToken
    )
    {
        var parts = await db.QueryAsync<PartRow>(PartsSql, new { id = plan.Id }, cancellationToken);
        var steps = (await db.QueryAsync<StepRow>(StepsSql, new { id = plan.Id }, cancellationToken))
            .Select(s => s.View())
            .ToList();
        var open = await OpenObjectionsAsync(db, plan.Id, cancellationToken);
        var supersededBy = await db.ExecuteScalarAsync<Guid?>(SupersededBySql, new { id = plan.Id }, cancellationToken);
        return new PlanView(
            plan.Id,
            plan.PlanGroupId,
            plan.VersionNo,
            plan.SupersedesId,
            supersededBy,
            plan.CollectiveId,
            plan.CollectiveName,
            plan.Year,
            plan.Title,
            plan.CutOffOn,
            plan.Stage,
            NextStep(plan, rules),
            plan.PreparedByName,
            plan.NoticeStartsOn,
            plan.NoticeEndsOn,
            rules.NoticeDays.Value,
            rules.NoticeInWorkingDays.Value == 1,
            plan.CheckCode,
            Money.FromFen(plan.TotalFen),
            plan.LineCount,
            open,
            plan.ApprovedByName,
            plan.ApprovedAt,
            plan.PayoutsCreatedAt is not null,
            plan.RevisionReason,
            parts.Select(p => p.View()).ToList(),
            Timeline(rules, steps),
            plan.Version
        );
    }

    /// The step the plan waits for: the region's next deliberation step, then Review, Notice, Approval, Payouts.
    public static string? NextStep(PlanRow plan, DividendRules rules) =>
        plan.Stage switch
        {
            PlanStage.Draft or PlanStage.Deliberation when plan.StepsDone < rules.ApprovalSteps.Count => rules
                .ApprovalSteps[plan.StepsDone]
                .Code,
            PlanStage.Review => PlanStepCodes.Review,
            PlanStage.Deliberation => PlanStepCodes.Review,
            // A reviewed plan (or a new version of one on notice) waits for its notice to be posted.
            PlanStage.Notice when plan.NoticeStartsOn is null => PlanStepCodes.Notice,
            PlanStage.Notice => PlanStepCodes.Approval,
            PlanStage.Approved when plan.PayoutsCreatedAt is null => PlanStepCodes.Payouts,
            _ => null,
        };

    private static List<PlanTimelineEntry> Timeline(DividendRules rules, List<PlanStepView> steps)
    {
        var path = rules
            .ApprovalSteps.Select(s => (s.Code, s.Label, s.Vote))
            .Concat(PlanStepCodes.After().Select(a => (a.Code, a.Label, Vote: false)));
        return path.Select(p =>
            {
                var record = steps.LastOrDefault(s => s.Step == p.Code);
                return new PlanTimelineEntry(p.Code, p.Label, p.Vote, record is not null, record);
            })
            .ToList();
    }

    private sealed record PartRow
    {
        public int PartNo { get; init; }
        public PlanPartKind Kind { get; init; }
        public string Label { get; init; } = "";
        public PayoutMethod Method { get; init; }
        public PayeeUnit PayeeUnit { get; init; }
        public long PoolFen { get; init; }
        public long AmountFen { get; init; }
        public string Weights { get; init; } = "{}";
        public int? MinAge { get; init; }
        public int Payees { get; init; }

        public PlanPartView View() =>
            new(
                PartNo,
                Kind,
                Label,
                Method,
                PayeeUnit,
                Money.FromFen(PoolFen),
                Money.FromFen(AmountFen),
                JsonSerializer.Deserialize<Dictionary<Guid, decimal>>(Weights) ?? [],
                MinAge,
                Payees
            );
    }

    private sealed record StepRow
    {
        public int Seq { get; init; }
        public string Step { get; init; } = "";
        public string Label { get; init; } = "";
        public DateOnly OccurredOn { get; init; }
        public string? DocumentRef { get; init; }
        public string? Details { get; init; }
        public string RecordedByName { get; init; } = "";
        public DateTimeOffset RecordedAt { get; init; }

        public PlanStepView View() =>
            new(
                Seq,
                Step,
                Label,
                OccurredOn,
                DocumentRef,
                Details is null ? null : JsonSerializer.Deserialize<AssemblyVote>(Details, StepJson),
                RecordedByName,
                RecordedAt
            );
    }

    public static readonly JsonSerializerOptions StepJson = InfrastructureSetup.CreateJsonOptions();
}

/// The steps after the region's deliberation list: the same everywhere.
internal static class PlanStepCodes
{
    public const string Review = "stationReview";
    public const string Notice = "publicNotice";
    public const string Approval = "approval";
    public const string Payouts = "payouts";
    public const string Revision = "revision";

    public static IReadOnlyList<(string Code, string Label)> After() =>
        [
            (Review, Localized.Text("乡镇农经站审核", "Township rural-economy station review")),
            (Notice, Localized.Text("公示", "Public notice")),
            (Approval, Localized.Text("批准", "Approval")),
            (Payouts, Localized.Text("兑现", "Payout")),
        ];

    public static string Label(string code) =>
        code switch
        {
            Review => "乡镇农经站审核",
            Notice => "公示",
            Approval => "批准",
            Payouts => "兑现",
            Revision => "修订",
            _ => code,
        };
}

/// Starts a plan step: the plan in the caller's scope, at the If-Match version, at a stage the step starts from.
internal sealed class PlanSteps(
    DbSession db,
    CurrentScope currentScope,
    DividendRuleSets ruleSets,
    CallerAccessor callers,
    TimeProvider clock
)
{
    public async Task<PlanStep> StartAsync(
        Guid planId,
        long expectedVersion,
        IReadOnlyCollection<PlanStage> from,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var plan = await PlanRecords.FindAsync(db, scope, planId, cancellationToken);
        if (plan.Version != expectedVersion)
        {
            throw new PreconditionFailedException();
        }
        if (!from.Contains(plan.Stage))
        {
            throw DividendsErrors.PlanWrongStage(plan.Stage, [.. from]);
        }
        var rules = await ruleSets.RulesAsync(plan.OrgId, cancellationToken);
        return new PlanStep(db, plan, rules, scope, callers.Current, clock);
    }
}

/// One step of one plan as read when it started. The handler checks the pure rules, then calls AdvanceAsync with its
/// own whole UPDATE ending in <see cref="Guard"/>: it writes only if the plan is still at the version, stage and scope
/// the rules were checked against; otherwise nothing is written and the answer is 412 or plan_wrong_stage.
internal sealed class PlanStep(
    DbSession db,
    PlanRow plan,
    DividendRules rules,
    DataScope scope,
    Caller caller,
    TimeProvider clock
)
{
    public const string Guard = """
        WHERE id = @id AND version = @version AND stage = @expectedStage
          AND org_path >= @from AND org_path < @to
        """;

    private const string RecordSql = """
        INSERT INTO dividend_plan_steps (id, plan_id, seq, step, label, occurred_on, document_ref, details,
            recorded_by, recorded_by_name, recorded_at)
        SELECT @stepId, @planId, COALESCE(MAX(seq), 0) + 1, @step, @label, @occurredOn, @documentRef, @details,
            @recordedBy, @recordedByName, @now
        FROM dividend_plan_steps WHERE plan_id = @planId
        """;

    public PlanRow Plan => plan;

    public DividendRules Rules => rules;

    public Caller Caller => caller;

    public DataScope Scope => scope;

    public DateOnly Today => clock.Today();

    public DateTimeOffset Now => clock.GetUtcNow();

    /// The preparer never reviews or approves their own plan (four eyes; 403 without dividends.approve first).
    public void EnsureNotPreparer()
    {
        if (caller.Id is not { } id || !PlanRules.MayApprove(plan.PreparedBy, id))
        {
            throw DividendsErrors.PlanPreparerCannotApprove();
        }
    }

    public Task<int> OpenObjectionsAsync(CancellationToken cancellationToken) =>
        PlanRecords.OpenObjectionsAsync(db, plan.Id, cancellationToken);

    public async Task AdvanceAsync(
        string updateSql,
        object values,
        string step,
        string label,
        DateOnly occurredOn,
        string? documentRef,
        AssemblyVote? vote,
        CancellationToken cancellationToken
    )
    {
        var now = Now;
        var guard = new
        {
            id = plan.Id,
            version = plan.Version,
            expectedStage = plan.Stage.ToString(),
            from = scope.From,
            to = scope.To,
            now,
        };
        if (await db.ExecuteAsync(updateSql, db.Merge(values, guard), cancellationToken) == 0)
        {
            var current = await PlanRecords.FindAsync(db, scope, plan.Id, cancellationToken);
            if (current.Version != plan.Version)
            {
                throw current.Stage != plan.Stage
                    ? DividendsErrors.PlanWrongStage(current.Stage, plan.Stage)
                    : new PreconditionFailedException();
            }
            // Unchanged plan, so the statement's own conditions refused: an objection arrived in between.
            throw DividendsErrors.PlanObjectionsOpen(await OpenObjectionsAsync(cancellationToken));
        }
        await RecordAsync(db, plan.Id, step, label, occurredOn, documentRef, vote, caller, now, cancellationToken);
    }

    public static Task RecordAsync(
        DbSession db,
        Guid planId,
        string step,
        string label,
        DateOnly occurredOn,
        string? documentRef,
        AssemblyVote? vote,
        Caller caller,
        DateTimeOffset now,
        CancellationToken cancellationToken
    ) =>
        db.ExecuteAsync(
            RecordSql,
            new
            {
                stepId = Guid.CreateVersion7(),
                planId,
                step,
                label,
                occurredOn,
                documentRef,
                details = vote is null ? null : JsonSerializer.Serialize(vote, PlanRecords.StepJson),
                recordedBy = caller.Id,
                recordedByName = caller.ShownName,
                now,
            },
            cancellationToken
        );

    public async Task<PlanView> ViewAsync(CancellationToken cancellationToken)
    {
        var updated = await PlanRecords.FindAsync(db, scope, plan.Id, cancellationToken);
        return await PlanRecords.ViewAsync(db, updated, rules, cancellationToken);
    }
}
