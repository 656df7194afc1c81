using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Volunteering.Domain;

/// <summary>Where a demand (群众点单) stands in its loop: 点单 → 受理 → 派单/接单 → 服务 → 评单 → 办结.</summary>
internal enum DemandState
{
    [Label("待受理", "Waiting for acceptance")]
    Submitted,

    [Label("已受理", "Accepted")]
    Accepted,

    [Label("待接单", "Open for claiming")]
    Open,

    [Label("已派单/接单", "Assigned")]
    Assigned,

    [Label("服务中", "In service")]
    InService,

    [Label("待评价", "Completed")]
    Completed,

    [Label("已评价", "Rated")]
    Rated,

    [Label("已办结", "Closed")]
    Closed,

    [Label("不予受理", "Rejected")]
    Rejected,

    [Label("已取消", "Cancelled")]
    Cancelled,
}

/// <summary>One step of a demand's loop, as a route and as a line of its timeline.</summary>
internal enum DemandStep
{
    [Label("点单", "Placed")]
    Submit,

    [Label("受理", "Accepted")]
    Accept,

    [Label("不予受理", "Rejected")]
    Reject,

    [Label("派单", "Dispatched")]
    Dispatch,

    [Label("开放接单", "Opened for claiming")]
    Open,

    [Label("接单", "Claimed")]
    Claim,

    [Label("开始服务", "Service started")]
    Start,

    [Label("服务完成", "Completed")]
    Complete,

    [Label("评单", "Rated")]
    Rate,

    [Label("办结", "Closed")]
    Close,

    [Label("取消", "Cancelled")]
    Cancel,

    [Label("改派", "Re-dispatched")]
    Redispatch,

    [Label("重新办理（需求未满足）", "Reopened (need not met)")]
    Reopen,

    [Label("接单超时退回", "Stale claim released")]
    Release,

    [Label("回访", "Follow-up call")]
    FollowUp,
}

internal enum DemandUrgency
{
    [Label("一般", "Normal")]
    Normal,

    [Label("紧急", "Urgent")]
    Urgent,
}

/// <summary>线上线下互通: entered by staff for someone who came in or called, or sent by a residents' system.</summary>
internal enum DemandChannel
{
    [Label("工作人员录入", "Entered by staff")]
    Staff,

    [Label("线上平台", "Online platform")]
    ApiClient,
}

internal enum ClaimantKind
{
    [Label("党员", "Member")]
    Member,

    [Label("志愿服务队", "Team")]
    Team,

    [Label("单位（党组织）", "Unit (organization)")]
    Organization,
}

/// <summary>Dispatched by the organization (派单) or claimed by the claimant (接单).</summary>
internal enum DemandAssignment
{
    [Label("派单", "Dispatched")]
    Dispatched,

    [Label("接单", "Claimed")]
    Claimed,
}

/// <summary>
/// The demand loop's rules as plain functions (unit-tested): which step may follow which state, where each step
/// leads, and how late a demand is.
/// </summary>
internal static class DemandRules
{
    private static readonly IReadOnlyDictionary<DemandState, DemandStep[]> Allowed = new Dictionary<
        DemandState,
        DemandStep[]
    >
    {
        [DemandState.Submitted] = [DemandStep.Accept, DemandStep.Reject, DemandStep.Cancel],
        [DemandState.Accepted] = [DemandStep.Dispatch, DemandStep.Open, DemandStep.Cancel],
        [DemandState.Open] = [DemandStep.Claim, DemandStep.Dispatch, DemandStep.Cancel],
        [DemandState.Assigned] = [DemandStep.Start, DemandStep.Redispatch, DemandStep.Cancel],
        [DemandState.InService] = [DemandStep.Complete, DemandStep.Redispatch],
        [DemandState.Completed] = [DemandStep.Rate, DemandStep.Reopen],
        [DemandState.Rated] = [DemandStep.Close, DemandStep.Reopen],
        [DemandState.Closed] = [DemandStep.FollowUp],
        [DemandState.Rejected] = [],
        [DemandState.Cancelled] = [],
    };

    /// <summary>The steps a person may take from a state (the release of a stale claim is the system's own).</summary>
    public static IReadOnlyList<DemandStep> StepsFrom(DemandState state) => Allowed[state];

    public static bool Allows(DemandState state, DemandStep step) =>
        step == DemandStep.Release ? state == DemandState.Assigned : Allowed[state].Contains(step);

    /// <summary>The state a step leads to.</summary>
    public static DemandState After(DemandStep step) =>
        step switch
        {
            DemandStep.Submit => DemandState.Submitted,
            DemandStep.Accept or DemandStep.Reopen => DemandState.Accepted,
            DemandStep.Reject => DemandState.Rejected,
            DemandStep.Dispatch or DemandStep.Claim or DemandStep.Redispatch => DemandState.Assigned,
            DemandStep.Open or DemandStep.Release => DemandState.Open,
            DemandStep.Start => DemandState.InService,
            DemandStep.Complete => DemandState.Completed,
            DemandStep.Rate => DemandState.Rated,
            DemandStep.Close or DemandStep.FollowUp => DemandState.Closed,
            DemandStep.Cancel => DemandState.Cancelled,
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };

    /// <summary>Whole days past the deadline of the step the demand waits for; null when on time or none.</summary>
    public static int? DaysLate(DateOnly? dueOn, DateOnly today) =>
        dueOn is { } due && due < today ? today.DayNumber - due.DayNumber : null;

    /// <summary>
    /// A claim unstarted for the region's days goes back to the pool: claimed at least that many whole days ago.
    /// </summary>
    public static bool IsStale(DateTimeOffset claimedAt, DateTimeOffset now, int staleClaimDays) =>
        now - claimedAt >= TimeSpan.FromDays(staleClaimDays);

    /// <summary>Hours as recorded per helper: half hours, more than 0 and at most 24 a day.</summary>
    public static bool IsWholeHalfHours(decimal hours) =>
        hours > 0 && hours <= 24 && hours * 2 == decimal.Floor(hours * 2);
}
