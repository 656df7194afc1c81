using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Members.Domain;

/// <summary>
/// Starts a pipeline step: the member in the caller's scope, at the stage the step starts from, under its region's
/// rules.
/// </summary>
internal sealed class MemberSteps(
    DbSession db,
    CurrentScope currentScope,
    MemberRuleSets rules,
    CallerAccessor callers,
    TimeProvider clock
)
{
    /// <summary>
    /// 404 outside the scope; 409 wrong_stage unless the member is active at <paramref name="expected"/>.
    /// </summary>
    public async Task<MemberStep> StartAsync(
        Guid memberId,
        MemberStage expected,
        StepOverride? overridden,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var member = await MemberRecords.FindAsync(db, scope, memberId, cancellationToken);
        if (member.Status != MemberStatus.Active || member.Stage != expected)
        {
            throw MemberErrors.WrongStage(expected, member.Stage);
        }
        var pipelineRules = await rules.MemberPipelineRulesAsync(member.OrgId, cancellationToken);
        return new MemberStep(db, member, pipelineRules, scope, callers.Current, overridden, clock);
    }
}

/// <summary>
/// One step of one member, as read when it started. A handler checks the pure rules (<see cref="PipelineRules"/>)
/// against <see cref="Member"/> and <see cref="Rules"/>, then calls <see cref="AdvanceAsync"/> with its own whole
/// UPDATE
/// statement. That statement ends with <see cref="Guard"/>, whose parameters the step supplies: it writes only if the
/// member is still at the version, stage and scope the rules were checked against; otherwise nothing is written and
/// the answer is wrong_stage (someone moved the person on) or member_changed (someone changed the record).
/// </summary>
internal sealed class MemberStep(
    DbSession db,
    MemberRow member,
    MemberPipelineRules rules,
    DataScope scope,
    Caller caller,
    StepOverride? overridden,
    TimeProvider clock
)
{
    /// <summary>
    /// The WHERE every step's UPDATE ends with (an architecture test checks each step's statement for it).
    /// </summary>
    public const string Guard = """
        WHERE id = @id AND version = @version AND stage = @expectedStage AND status = 'Active'
          AND org_path >= @from AND org_path < @to
        """;

    public MemberRow Member => member;

    public MemberPipelineRules Rules => rules;

    public DataScope Scope => scope;

    public StepOverride? Override => overridden;

    /// <summary>Only a holder of members.override may send an override, needed or not: 403 otherwise.</summary>
    public void EnsureMayOverride() => PipelineSteps.EnsureMayOverride(caller, overridden);

    /// <summary>
    /// A date earlier than the interval allows is refused (409, naming the request's <paramref name="field"/>), unless
    /// the caller overrides (members.override and a reason; the step keeps the reason and the audit log the rest).
    /// </summary>
    public void EnsureNotEarly(string field, DateOnly date, PipelineInterval interval)
    {
        EnsureMayOverride();
        if (PipelineRules.IsEarly(date, interval.EarliestOn) && overridden is null)
        {
            throw MemberErrors.TooEarly(interval, field);
        }
    }

    /// <summary>The day the probation, with any extension, ends.</summary>
    public DateOnly ProbationEndsOn => member.ProbationEndsOn(rules.ProbationMonths.Value)!.Value;

    /// <summary>
    /// An extension or a cancellation is decided when the probation ends, not during it: 409 with that day.
    /// </summary>
    public void EnsureProbationEnded(DateOnly meetingOn)
    {
        if (PipelineRules.BeforeProbationEnds(meetingOn, ProbationEndsOn))
        {
            throw MemberErrors.ProbationNotEnded(ProbationEndsOn);
        }
    }

    /// <summary>
    /// Fewer than more than half of the members entitled to vote attending is no meeting: 409, nothing recorded.
    /// </summary>
    public static void EnsureQuorate(IProbationDecisionRequest decision)
    {
        if (!PipelineRules.MeetingQuorate(decision.Attended!.Value, decision.EntitledVoters!.Value))
        {
            throw MemberErrors.MeetingNotQuorate(decision.Attended.Value, decision.EntitledVoters.Value);
        }
    }

    /// <summary>
    /// Whether the meeting's yes votes carry the decision (the Constitution's majority: no override).
    /// </summary>
    public static bool Carried(IProbationDecisionRequest decision) =>
        PipelineRules.VotePasses(decision.VotesFor!.Value, decision.EntitledVoters!.Value);

    /// <summary>The meeting and its vote as a step's history records them.</summary>
    public static Dictionary<string, object?> Details(IProbationDecisionRequest decision, bool carried) =>
        new()
        {
            ["meetingOn"] = decision.MeetingOn,
            ["entitledVoters"] = decision.EntitledVoters,
            ["attended"] = decision.Attended,
            ["votesFor"] = decision.VotesFor,
            ["carried"] = carried,
            ["approvedOn"] = carried ? decision.ApprovedOn : null,
            ["approvedBy"] = carried ? decision.ApprovedBy?.Trim() : null,
        };

    /// <summary>
    /// A vote that failed is recorded, not discarded: the step's history shows it and the member stays where they
    /// were (only the record's version moves, so a decision racing it is refused).
    /// </summary>
    public Task<PipelineView> RecordNotCarriedAsync(
        PipelineStep step,
        IProbationDecisionRequest decision,
        Dictionary<string, object?> details,
        CancellationToken cancellationToken
    ) => AdvanceAsync(NotCarriedSql, new { }, step, decision.MeetingOn!.Value, details, cancellationToken);

    private const string NotCarriedSql = "UPDATE members SET updated_at = @now, version = version + 1\n" + Guard;

    /// <summary>
    /// Runs <paramref name="updateSql"/> (ending with <see cref="Guard"/>) with the values the step sets, records the
    /// step's history and answers with the member's pipeline as it now stands.
    /// </summary>
    public async Task<PipelineView> AdvanceAsync(
        string updateSql,
        object values,
        PipelineStep step,
        DateOnly occurredOn,
        object details,
        CancellationToken cancellationToken
    )
    {
        var now = clock.GetUtcNow();
        var guard = new
        {
            id = member.Id,
            version = member.Version,
            expectedStage = member.Stage.ToString(),
            from = scope.From,
            to = scope.To,
            now,
        };
        if (await db.ExecuteAsync(updateSql, db.Merge(values, guard), cancellationToken) == 0)
        {
            var current = await MemberRecords.FindAsync(db, scope, member.Id, cancellationToken);
            throw current.Stage != member.Stage || current.Status != member.Status
                ? MemberErrors.WrongStage(member.Stage, current.Stage)
                : MemberErrors.Changed();
        }
        var history = new StepHistory(step, occurredOn, details, overridden);
        await PipelineSteps.RecordAsync(db, member.Id, history, caller.Id, now, cancellationToken);
        var updated = await MemberRecords.FindAsync(db, scope, member.Id, cancellationToken);
        return await PipelineViews.LoadAsync(db, updated, rules, ShanghaiCalendar.Today(clock), cancellationToken);
    }
}
