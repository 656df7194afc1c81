using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Dividends.Domain;

/// Where a distribution plan stands. Deliberation holds the region's steps (四议 by default) one by one; a plan
/// that is changed after its notice began is Superseded by its next version, and stays readable.
internal enum PlanStage
{
    [Label("草拟", "Draft")]
    Draft,

    [Label("审议中", "In deliberation")]
    Deliberation,

    [Label("待农经站审核", "Awaiting the station's review")]
    Review,

    [Label("公示中", "On public notice")]
    Notice,

    [Label("已批准", "Approved")]
    Approved,

    [Label("已被新版本取代", "Superseded")]
    Superseded,
}

/// The meeting that takes a resolution: all members of the collective, or their representatives.
internal enum AssemblyBody
{
    [Label("成员大会", "Members' assembly")]
    Members,

    [Label("成员代表大会", "Representatives' assembly")]
    Representatives,
}

/// Attendance and votes of a step taken at a meeting (成员（代表）大会决议).
internal sealed record AssemblyVote(
    AssemblyBody Body,
    int Entitled,
    int Present,
    int InFavour,
    int Against,
    int Abstaining
);

/// The quorums and majority in force for a region (the Dividends section of its rule set).
/// MemberQuorumAbovePercent: more than this percent of the members present (default 50: more than half).
/// RepresentativeQuorum: at least Numerator/Denominator of the representatives present (default 2/3).
/// MajorityAbovePercent: more than this percent of those present in favour (default 50).
internal sealed record AssemblyRules(
    int MemberQuorumAbovePercent,
    int RepresentativeQuorumNumerator,
    int RepresentativeQuorumDenominator,
    int MajorityAbovePercent
);

internal enum VoteOutcome
{
    [Label("通过", "Carried")]
    Carried,

    [Label("不足法定人数", "Not quorate")]
    NotQuorate,

    [Label("未通过", "Not carried")]
    NotCarried,
}

/// The plan workflow's pure rules; handlers refuse through DividendsErrors when they fail.
internal static class PlanRules
{
    /// 《村民委员会组织法》第二十二条: 召开村民会议，应当有本村十八周岁以上村民的过半数，或者本村三分之二以上的户的代表
    /// 参加，村民会议所作决定应当经到会人员的过半数通过。 第二十五条/二十六条: 村民代表会议有三分之二以上的组成人员参加
    /// 方可召开，所作决定应当经到会人员的过半数同意。 The collective's assembly follows the same shape; regions set it.
    public const string AssemblySource =
        "《中华人民共和国村民委员会组织法》第二十二条、第二十六条：村民会议应当有本村十八周岁以上村民的过半数参加，"
        + "村民代表会议有三分之二以上的组成人员参加方可召开；所作决定应当经到会人员的过半数通过。";

    public static bool Quorate(AssemblyVote vote, AssemblyRules rules) =>
        vote.Body == AssemblyBody.Members
            ? (long)vote.Present * 100 > (long)vote.Entitled * rules.MemberQuorumAbovePercent
            : (long)vote.Present * rules.RepresentativeQuorumDenominator
                >= (long)vote.Entitled * rules.RepresentativeQuorumNumerator;

    public static bool MajorityInFavour(AssemblyVote vote, AssemblyRules rules) =>
        (long)vote.InFavour * 100 > (long)vote.Present * rules.MajorityAbovePercent;

    public static VoteOutcome Outcome(AssemblyVote vote, AssemblyRules rules) =>
        !Quorate(vote, rules) ? VoteOutcome.NotQuorate
        : !MajorityInFavour(vote, rules) ? VoteOutcome.NotCarried
        : VoteOutcome.Carried;

    /// The least attendance that is quorate, for the refusal's figures.
    public static int LeastQuorate(AssemblyBody body, int entitled, AssemblyRules rules) =>
        body == AssemblyBody.Members
            ? (int)((long)entitled * rules.MemberQuorumAbovePercent / 100 + 1)
            : (int)(
                ((long)entitled * rules.RepresentativeQuorumNumerator + rules.RepresentativeQuorumDenominator - 1)
                / rules.RepresentativeQuorumDenominator
            );

    /// The last day of a notice of `days` calendar days from `startsOn` (both counted).
    public static DateOnly NoticeEndsOnCalendarDays(DateOnly startsOn, int days) => startsOn.AddDays(days - 1);

    /// A notice has run its course the day after its last day.
    public static bool NoticeOver(DateOnly endsOn, DateOnly today) => today > endsOn;

    /// Whether the plan's terms may still change in place: before its notice began nobody outside has seen it,
    /// and a change restarts the deliberation steps anyway. From the notice on, a change is a new version.
    public static bool EditableInPlace(PlanStage stage) => stage is PlanStage.Draft or PlanStage.Deliberation;

    public static bool Revisable(PlanStage stage) =>
        stage is PlanStage.Review or PlanStage.Notice or PlanStage.Approved;

    /// The person who prepared a plan never approves it (four eyes).
    public static bool MayApprove(Guid preparedBy, Guid approver) => preparedBy != approver;
}
