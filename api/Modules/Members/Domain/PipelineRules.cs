using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Members.Domain;

/// <summary>
/// The development pipeline's pure rules: dates, intervals and majorities, with no database and no caller, so
/// each is tested at its boundaries. The region's local values come in as <see cref="MemberPipelineRules"/>;
/// the rules fixed by the Party's own texts carry their source here, beside the rule that applies them.
/// </summary>
internal static class PipelineRules
{
    public const string TalkWithinAMonthSource =
        "《中国共产党发展党员工作细则》第七条：党组织收到入党申请书后，应当在一个月内派人同入党申请人谈话。";

    public const string TwoFullMembersIntroduceSource =
        "《中国共产党章程》第五条：发展党员，必须经过党的支部，坚持个别吸收的原则。申请入党的人，要有两名正式党员作介绍人。";

    public const string MajorityOfEntitledVotersSource =
        "《中国共产党章程》第五条、《发展党员工作细则》第二十二条：赞成人数超过应到会有表决权的正式党员的半数，"
        + "才能通过接收预备党员的决议。";

    /// <summary>The last day for the talk with an applicant: a month after the application.</summary>
    public static DateOnly TalkLatest(DateOnly appliedOn) => appliedOn.AddMonths(1);

    /// <summary>When the talk is due: for an active applicant not yet talked with; otherwise null.</summary>
    public static DateOnly? TalkDueBy(MemberRow member) =>
        member is { Stage: MemberStage.Applicant, Status: MemberStatus.Active, TalkOn: null, AppliedOn: { } applied }
            ? TalkLatest(applied)
            : null;

    /// <summary>
    /// The earliest day a date may fall, some whole months after another (month ends clamp: 01-31 + 1 = 02-28/29).
    /// </summary>
    public static DateOnly MonthsAfter(DateOnly from, int months) => from.AddMonths(months);

    /// <summary>A date before the earliest the rules allow.</summary>
    public static bool IsEarly(DateOnly date, DateOnly earliest) => date < earliest;

    /// <summary>
    /// The branch meeting votes after the public notice has ended, and never before the candidate decision.
    /// </summary>
    public static DateOnly? EarliestVote(DateOnly? noticeEndsOn, DateOnly? candidateOn) =>
        noticeEndsOn is { } noticeEnds && candidateOn is { } candidate
            ? (noticeEnds.AddDays(1) > candidate ? noticeEnds.AddDays(1) : candidate)
            : noticeEndsOn?.AddDays(1) ?? candidateOn;

    /// <summary>
    /// The admission passes with more than half of the full members entitled to vote (exactly half fails).
    /// </summary>
    public static bool VotePasses(int votesFor, int entitledVoters) => votesFor * 2 > entitledVoters;

    /// <summary>Whether an extension of probation keeps to the region's least and most months, both included.</summary>
    public static bool ExtensionInRange(int months, int minMonths, int maxMonths) =>
        months >= minMonths && months <= maxMonths;

    /// <summary>A decision about a probation (extension, cancellation) never comes before the join date.</summary>
    public static bool DecidedBeforeJoining(DateOnly? joinedOn, DateOnly decidedOn) =>
        joinedOn is { } joined && decidedOn < joined;
}

internal enum PipelineIntervalKind
{
    Activist,
    Candidate,
    Admission,
    Conversion,
}

/// <summary>
/// The least time before a step: the earliest date, the record's field that holds the step's date, and the rule.
/// </summary>
internal sealed record PipelineInterval(PipelineIntervalKind Kind, string Field, DateOnly EarliestOn, LocalRule Rule)
{
    /// <summary>
    /// 409 with the code, the earliest date, the rule's text and the record's field whose date is too early.
    /// </summary>
    public Infrastructure.Http.BusinessRuleException Refusal() => MemberErrors.TooEarly(this, Field);
}

/// <summary>
/// The region's least times between steps, in one place for the steps themselves and for a record registered at
/// a later stage (by hand or imported): its dates must keep them too, or the register would be a way round them.
/// </summary>
internal static class PipelineIntervals
{
    /// <summary>The last day for the talk with an applicant: see <see cref="PipelineRules.TalkLatest"/>.</summary>
    public static DateOnly TalkLatest(DateOnly appliedOn) => PipelineRules.TalkLatest(appliedOn);

    public static PipelineInterval Activist(DateOnly appliedOn, MemberPipelineRules rules) =>
        new(
            PipelineIntervalKind.Activist,
            "activistOn",
            PipelineRules.MonthsAfter(appliedOn, rules.ActivistAfterMonths.Value),
            rules.ActivistAfterMonths
        );

    public static PipelineInterval Candidate(DateOnly activistOn, MemberPipelineRules rules) =>
        new(
            PipelineIntervalKind.Candidate,
            "candidateOn",
            PipelineRules.MonthsAfter(activistOn, rules.CandidateAfterMonths.Value),
            rules.CandidateAfterMonths
        );

    /// <summary>The vote after the public notice (of the region's working days) and the candidate decision.</summary>
    public static PipelineInterval Admission(DateOnly earliestVote, MemberPipelineRules rules) =>
        new(PipelineIntervalKind.Admission, "joinedOn", earliestVote, rules.NoticeMinWorkingDays);

    /// <summary>Conversion at the end of probation: the join date plus the region's months and any extension.</summary>
    public static PipelineInterval Conversion(DateOnly probationEndsOn, MemberPipelineRules rules) =>
        new(PipelineIntervalKind.Conversion, "fullMemberOn", probationEndsOn, rules.ProbationMonths);

    /// <summary>
    /// The intervals a registered record's dates break: activist after applying, candidate after activist, full
    /// membership after a whole probation (an extension only makes that later).
    /// </summary>
    public static IEnumerable<PipelineInterval> BrokenBy(
        DateOnly? appliedOn,
        DateOnly? activistOn,
        DateOnly? candidateOn,
        DateOnly? joinedOn,
        DateOnly? fullMemberOn,
        MemberPipelineRules rules
    )
    {
        if (
            appliedOn is { } applied
            && activistOn is { } activist
            && Activist(applied, rules) is var toActivist
            && PipelineRules.IsEarly(activist, toActivist.EarliestOn)
        )
        {
            yield return toActivist;
        }
        if (
            activistOn is { } since
            && candidateOn is { } candidate
            && Candidate(since, rules) is var toCandidate
            && PipelineRules.IsEarly(candidate, toCandidate.EarliestOn)
        )
        {
            yield return toCandidate;
        }
        if (
            joinedOn is { } joined
            && fullMemberOn is { } full
            && Conversion(PipelineRules.MonthsAfter(joined, rules.ProbationMonths.Value), rules) is var toFull
            && PipelineRules.IsEarly(full, toFull.EarliestOn)
        )
        {
            yield return toFull;
        }
    }
}
