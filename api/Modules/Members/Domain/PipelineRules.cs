using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Members.Domain;

/// <summary>
/// The development pipeline's pure rules: dates, intervals and majorities, with no database and no caller, so
/// each is tested at its boundaries. The region's local values come in as <see cref="MemberPipelineRules"/>;
/// the rules fixed by the Party's own texts carry their source here, beside the rule that applies them.
/// </summary>
internal static class PipelineRules
{
    // The texts live with the rule set (Members' section), beside the rule's value; these name them for the refusals.
    public static string TalkWithinAMonthSource => MemberPipelineRuleSection.TalkWithinMonths.Source;

    public static string TwoFullMembersIntroduceSource => MemberPipelineRuleSection.IntroducersRequired.Source;

    public static string MajorityOfEntitledVotersSource => MemberPipelineRuleSection.AdmissionVoteAbovePercent.Source;

    public const string MeetingQuorumSource =
        "《中国共产党发展党员工作细则》第二十条：召开讨论接收预备党员的支部大会，有表决权的到会人数必须超过应到会有表决权人数的"
        + "半数；第三十三条：讨论预备党员转正的支部大会，对到会人数、赞成人数等要求与讨论接收预备党员的支部大会相同。";

    public const string DecidedWhenProbationEndsSource =
        "《中国共产党章程》第七条、《中国共产党发展党员工作细则》第三十二条：预备党员预备期满，党支部应当及时讨论其能否转为正式党员；"
        + "按期转正、延长预备期或取消预备党员资格，都在预备期满时讨论决定。";

    public const string StandingFromProbationEndSource =
        "《中国共产党章程》第七条：预备党员的预备期，从支部大会通过他为预备党员之日算起。"
        + "党员的党龄，从预备期满转为正式党员之日算起。";

    public const string ConversionApprovalWithinMonthsSource =
        "《中国共产党发展党员工作细则》：上级党委对党支部上报的预备党员转正的决议，应当在三个月内审批"
        + "（本系统要求逾期审批说明理由）。";

    /// <summary>The higher committee approves a conversion within three months of the branch meeting.</summary>
    public const int ConversionApprovalWithinMonths = 3;

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

    /// <summary>
    /// A branch meeting is held only when more than half of the full members entitled to vote attend (exactly half is
    /// no meeting).
    /// </summary>
    public static bool MeetingQuorate(int attended, int entitledVoters) => attended * 2 > entitledVoters;

    /// <summary>
    /// Conversion, extension and cancellation are decided when the probation (with any extension) ends: on its end
    /// date or after it, never during it.
    /// </summary>
    public static bool BeforeProbationEnds(DateOnly meetingOn, DateOnly probationEndsOn) => meetingOn < probationEndsOn;

    /// <summary>
    /// An on-time conversion (按期转正) dates from the day the probation ends, whenever the meeting that decided it
    /// was held: party standing counts from there, not from the meeting.
    /// </summary>
    public static DateOnly FullMemberOn(DateOnly probationEndsOn) => probationEndsOn;

    /// <summary>
    /// The last day for the higher committee's approval of a conversion: three months after the meeting.
    /// </summary>
    public static DateOnly ConversionApprovalLatest(DateOnly meetingOn) =>
        meetingOn.AddMonths(ConversionApprovalWithinMonths);

    /// <summary>An approval after its last day (the day itself is in time).</summary>
    public static bool ApprovedLate(DateOnly approvedOn, DateOnly latest) => approvedOn > latest;
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
internal sealed record PipelineInterval(PipelineIntervalKind Kind, string Field, DateOnly EarliestOn, NumberRule Rule)
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
