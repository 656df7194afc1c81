using Jiceng.Infrastructure.Primitives;
using System.Text.Json;
using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Infrastructure.Mediation;

namespace Jiceng.Modules.Members.Domain;

internal enum PipelineStep
{
    [Label("递交入党申请", "Applied")]
    Application,
    [Label("入党谈话", "Talk held")]
    Talk,
    [Label("确定为入党积极分子", "Became an activist")]
    Activist,
    [Label("列为发展对象", "Became a development candidate")]
    Candidate,
    [Label("接收为预备党员", "Admitted as probationary member")]
    Admission,
    [Label("转为正式党员", "Became a full member")]
    Conversion,
    [Label("延长预备期", "Probation extended")]
    Extension,
    [Label("取消预备党员资格", "Qualification cancelled")]
    Cancellation,
}

/// <summary>An override of a time rule: a reason, given by a caller who holds members.override (audited with the step).</summary>
internal sealed record StepOverride(string? Reason);

internal sealed class StepOverrideValidator : AbstractValidator<StepOverride?>
{
    public StepOverrideValidator() =>
        // No When(o => o is not null): a child validator never sees a missing override, and an unconditional rule is
        // what the OpenAPI document reads as required.
        RuleFor(o => o!.Reason)
            .RequiredText(5).WithMessage(_ => ReasonMessage).MaximumLength(200).WithMessage(_ => ReasonMessage);

    private static string ReasonMessage =>
        Localized.Text("破格办理须填写 5 到 200 字的理由。", "An override needs a reason of 5 to 200 characters.");
}

internal static class PipelineErrors
{
    /// <summary>
    /// 409 for a step taken before the rules allow it, with the earliest allowed date and the rule's text, and the
    /// request field that carried the date when there is one (so a form can show the refusal on it).
    /// </summary>
    public static BusinessRuleException TooEarly(string code, DateOnly earliestOn, string rule, string chinese, string english, string? field = null)
    {
        var details = new Dictionary<string, object?> { ["earliestOn"] = earliestOn.ToString("yyyy-MM-dd"), ["rule"] = rule };
        if (field is not null)
        {
            details["field"] = field;
        }
        return new(code, chinese, english, details);
    }

    public static BusinessRuleException WrongStage(MemberStage expected, MemberStage actual) =>
        new("wrong_stage", $"这一步只能在“{MemberSheets.Chinese(expected)}”阶段办理，此人目前是“{MemberSheets.Chinese(actual)}”。",
            $"This step is taken at the {expected} stage; the person is at {actual}.",
            new Dictionary<string, object?> { ["expectedStage"] = expected.ToString(), ["stage"] = actual.ToString() });

    public static BusinessRuleException Rule(string code, string source, string chinese, string english) =>
        new(code, chinese, english, new Dictionary<string, object?> { ["rule"] = source });
}

/// <summary>The least time between two steps: the earliest date of the later one, the rule, and the refusal's words.</summary>
internal sealed record PipelineInterval(string Code, string Field, DateOnly EarliestOn, LocalRule Rule, string Chinese, string English)
{
    /// <summary>409 with the code, the earliest date, the rule's text and the field whose date is too early.</summary>
    public BusinessRuleException Refusal() => PipelineErrors.TooEarly(Code, EarliestOn, Rule.Source, Chinese, English, Field);
}

/// <summary>
/// The region's least times between steps, in one place for the steps themselves and for a record registered at
/// a later stage (by hand or imported): its dates must keep them too, or the register would be a way round them.
/// </summary>
internal static class PipelineIntervals
{
    /// <summary>
    /// The talk with an applicant is due within a month of the application (《中国共产党发展党员工作细则》第七条);
    /// null once held, or for anyone past the applicant stage.
    /// </summary>
    public static DateOnly? TalkDueBy(MemberRow member) =>
        member.Stage == MemberStage.Applicant && member.Status == MemberStatus.Active && member.TalkOn is null && member.AppliedOn is { } applied ? TalkLatest(applied) : null;

    /// <summary>The last day for the talk: a month after the application.</summary>
    public static DateOnly TalkLatest(DateOnly appliedOn) => appliedOn.AddMonths(1);

    public static PipelineInterval Activist(DateOnly appliedOn, MemberPipelineRules rules)
    {
        var earliest = appliedOn.AddMonths(rules.ActivistAfterMonths.Value);
        return new("activist_too_early", "activistOn", earliest, rules.ActivistAfterMonths,
            $"递交入党申请书满 {rules.ActivistAfterMonths.Value} 个月后方可确定为入党积极分子，最早 {earliest:yyyy-MM-dd}。",
            $"An applicant may become an activist {rules.ActivistAfterMonths.Value} months after applying, on {earliest:yyyy-MM-dd} at the earliest.");
    }

    public static PipelineInterval Candidate(DateOnly activistOn, MemberPipelineRules rules)
    {
        var earliest = activistOn.AddMonths(rules.CandidateAfterMonths.Value);
        return new("candidate_too_early", "candidateOn", earliest, rules.CandidateAfterMonths,
            $"入党积极分子经过 {rules.CandidateAfterMonths.Value} 个月以上培养考察方可列为发展对象，最早 {earliest:yyyy-MM-dd}。",
            $"An activist may become a candidate after {rules.CandidateAfterMonths.Value} months, on {earliest:yyyy-MM-dd} at the earliest.");
    }

    /// <summary>Conversion at the end of probation: the join date plus the region's months and any extension.</summary>
    public static PipelineInterval Conversion(DateOnly probationEndsOn, MemberPipelineRules rules) =>
        new("conversion_too_early", "fullMemberOn", probationEndsOn, rules.ProbationMonths,
            $"预备期满方可转正，最早 {probationEndsOn:yyyy-MM-dd}。", $"Conversion comes at the end of probation, on {probationEndsOn:yyyy-MM-dd} at the earliest.");

    /// <summary>
    /// The intervals a registered record's dates break: activist after applying, candidate after activist, full
    /// membership after a whole probation (an extension only makes that later).
    /// </summary>
    public static IEnumerable<PipelineInterval> BrokenBy(DateOnly? appliedOn, DateOnly? activistOn, DateOnly? candidateOn, DateOnly? joinedOn,
        DateOnly? fullMemberOn, MemberPipelineRules rules)
    {
        if (appliedOn is { } applied && activistOn is { } activist && Activist(applied, rules) is var toActivist && activist < toActivist.EarliestOn)
        {
            yield return toActivist;
        }
        if (activistOn is { } since && candidateOn is { } candidate && Candidate(since, rules) is var toCandidate && candidate < toCandidate.EarliestOn)
        {
            yield return toCandidate;
        }
        if (joinedOn is { } joined && fullMemberOn is { } full && Conversion(joined.AddMonths(rules.ProbationMonths.Value), rules) is var toFull
            && full < toFull.EarliestOn)
        {
            yield return toFull;
        }
    }
}

/// <summary>The steps as history, and the checks every step shares.</summary>
internal static class PipelineSteps
{
    private const string InsertStepSql = """
        INSERT INTO member_steps (id, member_id, step, occurred_on, details, override_reason, recorded_by, created_at)
        VALUES (@id, @memberId, @step, @occurredOn, @details, @overrideReason, @recordedBy, @now)
        """;

    private static readonly JsonSerializerOptions Json = InfrastructureSetup.CreateJsonOptions();

    public static async Task RecordAsync(DbSession db, Guid memberId, PipelineStep step, DateOnly occurredOn, object details, StepOverride? overridden,
        Guid? recordedBy, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(InsertStepSql, new
        {
            id = Guid.CreateVersion7(),
            memberId,
            step = step.ToString(),
            occurredOn,
            details = JsonSerializer.Serialize(details, Json),
            overrideReason = overridden?.Reason?.Trim(),
            recordedBy,
            now,
        }, cancellationToken);

    /// <summary>Only a holder of members.override may override a rule; an override from anyone else is 403 whether or not it was needed.</summary>
    public static void EnsureMayOverride(Caller caller, StepOverride? overridden)
    {
        if (overridden is not null && !caller.Has(Permissions.MembersOverride))
        {
            throw new ForbiddenException(Permissions.MembersOverride);
        }
    }

    /// <summary>
    /// A date earlier than the rule allows is refused with the earliest date, unless the caller overrides
    /// (members.override and a reason; the step keeps the reason and the audit log the rest).
    /// </summary>
    public static void EnsureNotEarly(Caller caller, StepOverride? overridden, DateOnly date, DateOnly earliest, string code, LocalRule rule,
        string chinese, string english)
    {
        EnsureMayOverride(caller, overridden);
        if (date >= earliest || overridden is not null)
        {
            return;
        }
        throw PipelineErrors.TooEarly(code, earliest, rule.Source, chinese, english);
    }

    /// <summary><see cref="EnsureNotEarly(Caller, StepOverride?, DateOnly, DateOnly, string, LocalRule, string, string)"/> for one of the <see cref="PipelineIntervals"/>.</summary>
    public static void EnsureNotEarly(Caller caller, StepOverride? overridden, DateOnly date, PipelineInterval interval) =>
        EnsureNotEarly(caller, overridden, date, interval.EarliestOn, interval.Code, interval.Rule, interval.Chinese, interval.English);

    /// <summary>A decision about a probation (extension, cancellation) is taken during it or at its end, never before the join date: 400 on the field.</summary>
    public static void EnsureDuringProbation(MemberRow member, DateOnly decidedOn)
    {
        if (member.JoinedOn is { } joined && decidedOn < joined)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("decidedOn",
                Localized.Text($"决定日期不能早于入党日期（{joined:yyyy-MM-dd}）。", $"The decision cannot come before the join date ({joined:yyyy-MM-dd})."))]);
        }
    }

    /// <summary>The branch meeting votes after the public notice has ended, and never before the candidate decision.</summary>
    public static DateOnly? EarliestVote(MemberRow member) =>
        member.NoticeEndsOn is { } noticeEnds && member.CandidateOn is { } candidateOn
            ? (noticeEnds.AddDays(1) > candidateOn ? noticeEnds.AddDays(1) : candidateOn)
            : member.NoticeEndsOn?.AddDays(1) ?? member.CandidateOn;

    /// <summary>Monday to Friday between two dates, both included (public holidays are the region's to allow for).</summary>
    public static int WorkingDays(DateOnly from, DateOnly to)
    {
        var days = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            days += day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
        }
        return days;
    }

    /// <summary>
    /// Moves a member from one stage to the next in one statement, only from the version the rules were
    /// checked against: a concurrent step or extension (which changes the earliest date) makes it 409.
    /// </summary>
    public const string AdvanceGuard = "WHERE id = @id AND version = @version AND stage = @expectedStage AND status = 'Active' AND org_path >= @from AND org_path < @to";
}

internal sealed record PipelineStepEntry(PipelineStep Step, DateOnly OccurredOn, JsonElement Details, string? OverrideReason, DateTimeOffset RecordedAt);

/// <summary>What comes next and the earliest day it may happen (null when nothing is due, e.g. a full member).</summary>
internal sealed record NextPipelineStep(PipelineStep Step, DateOnly? EarliestOn, string? Rule);

/// <summary>A person's way through the pipeline: the dates so far, every step, and the next one with its earliest date.</summary>
internal sealed record PipelineView(
    Guid MemberId,
    string Name,
    MemberStage Stage,
    MemberStatus Status,
    DateOnly? AppliedOn,
    DateOnly? TalkOn,
    DateOnly? TalkDueBy,
    DateOnly? ActivistOn,
    DateOnly? CandidateOn,
    DateOnly? NoticeEndsOn,
    DateOnly? JoinedOn,
    int? ExtensionMonths,
    DateOnly? ProbationEndsOn,
    DateOnly? FullMemberOn,
    IReadOnlyList<PipelineStepEntry> Steps,
    NextPipelineStep? Next,
    int? DaysUntilNext);

internal static class PipelineViews
{
    private const string StepsSql = """
        SELECT step, occurred_on, details, override_reason, created_at
        FROM member_steps WHERE member_id = @memberId
        ORDER BY occurred_on, created_at
        """;

    public static NextPipelineStep? Next(MemberRow member, MemberPipelineRules rules) => member.Status != MemberStatus.Active ? null : member.Stage switch
    {
        MemberStage.Applicant => new(PipelineStep.Activist, member.AppliedOn?.AddMonths(rules.ActivistAfterMonths.Value), rules.ActivistAfterMonths.Source),
        MemberStage.Activist => new(PipelineStep.Candidate, member.ActivistOn?.AddMonths(rules.CandidateAfterMonths.Value), rules.CandidateAfterMonths.Source),
        MemberStage.Candidate => new(PipelineStep.Admission, PipelineSteps.EarliestVote(member), rules.NoticeMinWorkingDays.Source),
        MemberStage.Probationary => new(PipelineStep.Conversion, member.ProbationEndsOn(rules.ProbationMonths.Value), rules.ProbationMonths.Source),
        _ => null,
    };

    public static async Task<PipelineView> LoadAsync(DbSession db, MemberRow member, MemberPipelineRules rules, DateOnly today, CancellationToken cancellationToken)
    {
        var steps = (await db.QueryAsync<StepRow>(StepsSql, new { memberId = member.Id }, cancellationToken))
            .Select(s => new PipelineStepEntry(s.Step, s.OccurredOn, JsonDocument.Parse(s.Details).RootElement.Clone(), s.OverrideReason, s.CreatedAt))
            .ToList();
        var next = Next(member, rules);
        return new PipelineView(member.Id, member.Name, member.Stage, member.Status, member.AppliedOn, member.TalkOn, PipelineIntervals.TalkDueBy(member),
            member.ActivistOn, member.CandidateOn,
            member.NoticeEndsOn, member.JoinedOn, member.ExtensionMonths, member.ProbationEndsOn(rules.ProbationMonths.Value), member.FullMemberOn, steps, next,
            next?.EarliestOn is { } earliest ? Math.Max(0, earliest.DayNumber - today.DayNumber) : null);
    }

    private sealed record StepRow
    {
        public PipelineStep Step { get; init; }
        public DateOnly OccurredOn { get; init; }
        public string Details { get; init; } = "{}";
        public string? OverrideReason { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }
}

/// <summary>What every step handler starts with and ends with.</summary>
internal sealed class PipelineStepContext(DbSession db, CurrentScope currentScope, IOrganizationRules rules, CallerAccessor callers, TimeProvider clock)
{
    public DbSession Db => db;

    public Caller Caller => callers.Current;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The member (404 outside the scope), checked to be at the stage the step starts from, and the region's rules.</summary>
    public async Task<(MemberRow Member, MemberPipelineRules Rules, DataScope Scope)> StartAsync(Guid memberId, MemberStage expected, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var member = await MemberRecords.FindAsync(db, scope, memberId, cancellationToken);
        if (member.Status != MemberStatus.Active || member.Stage != expected)
        {
            throw PipelineErrors.WrongStage(expected, member.Stage);
        }
        return (member, await rules.MemberPipelineRulesAsync(member.OrgId, cancellationToken), scope);
    }

    /// <summary>
    /// Runs the step's update with the values it sets, guarded by <see cref="PipelineSteps.AdvanceGuard"/> on the
    /// member as read (0 rows: someone else moved or changed the person first), and records the step.
    /// </summary>
    public async Task<PipelineView> FinishAsync(string updateSql, object stepValues, MemberRow member, MemberPipelineRules pipelineRules, DataScope scope,
        PipelineStep step, DateOnly occurredOn, object details, StepOverride? overridden, CancellationToken cancellationToken)
    {
        var guard = new { id = member.Id, version = member.Version, expectedStage = member.Stage.ToString(), from = scope.From, to = scope.To, now = Now };
        if (await db.ExecuteAsync(updateSql, db.Merge(stepValues, guard), cancellationToken) == 0)
        {
            var now = await MemberRecords.FindAsync(db, scope, member.Id, cancellationToken);
            throw now.Stage != member.Stage || now.Status != member.Status
                ? PipelineErrors.WrongStage(member.Stage, now.Stage)
                : new Infrastructure.Http.BusinessRuleException("member_changed", "此人的记录刚被他人修改，请刷新后重试。",
                    "Someone else just changed this member's record; reload and try again.");
        }
        await PipelineSteps.RecordAsync(db, member.Id, step, occurredOn, details, overridden, Caller.Id, Now, cancellationToken);
        var updated = await MemberRecords.FindAsync(db, scope, member.Id, cancellationToken);
        return await PipelineViews.LoadAsync(db, updated, pipelineRules, Infrastructure.Primitives.ShanghaiCalendar.Today(clock), cancellationToken);
    }
}
