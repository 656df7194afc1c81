using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Volunteering.Domain;

/// <summary>Whose wish it is (微心愿 are collected for residents in need: DOMAIN.md §3).</summary>
internal enum WishKind
{
    [Label("留守儿童", "Child left behind")]
    ChildLeftBehind,

    [Label("老年人", "Elderly person")]
    Elderly,

    [Label("困难家庭", "Family in hardship")]
    FamilyInHardship,

    [Label("其他", "Other")]
    Other,
}

/// <summary>A wish's life: placed (open for claiming), claimed, delivered, received; cancelled while not delivered.
/// </summary>
internal enum WishState
{
    [Label("待认领", "Open")]
    Open,

    [Label("已认领", "Claimed")]
    Claimed,

    [Label("已送达", "Delivered")]
    Delivered,

    [Label("已确认收到", "Received")]
    Received,

    [Label("已取消", "Cancelled")]
    Cancelled,
}

/// <summary>Who claims a wish: a member (党员), a volunteer team, or an organization (a unit, e.g. 双报到).</summary>
internal enum WishClaimantKind
{
    [Label("党员", "Member")]
    Member,

    [Label("志愿服务队", "Team")]
    Team,

    [Label("单位党组织", "Organization")]
    Organization,
}

/// <summary>The steps a wish can take; each is a POST with If-Match.</summary>
internal enum WishStep
{
    [Label("认领", "Claim")]
    Claim,

    [Label("送达", "Deliver")]
    Deliver,

    [Label("确认收到", "Confirm receipt")]
    ConfirmReceipt,

    [Label("取消", "Cancel")]
    Cancel,
}

/// <summary>
/// The pure rules of micro-wishes: the price cap, which step each state allows, and what the public wall may show.
/// </summary>
internal static class MicroWishRules
{
    /// <summary>The state a step starts from (cancel: see <see cref="CanCancel"/>).</summary>
    public static WishState? StartsFrom(WishStep step) =>
        step switch
        {
            WishStep.Claim => WishState.Open,
            WishStep.Deliver => WishState.Claimed,
            WishStep.ConfirmReceipt => WishState.Delivered,
            _ => null,
        };

    /// <summary>
    /// A wish can be cancelled while nobody has delivered it: open (no longer wanted) or claimed (the claimant and
    /// the resident agree it will not happen). A delivered gift cannot be un-given.
    /// </summary>
    public static bool CanCancel(WishState state) => state is WishState.Open or WishState.Claimed;

    /// <summary>The steps allowed from a state, in the order a user takes them (a refusal lists them).</summary>
    public static IReadOnlyList<WishStep> AllowedSteps(WishState state) =>
        state switch
        {
            WishState.Open => [WishStep.Claim, WishStep.Cancel],
            WishState.Claimed => [WishStep.Deliver, WishStep.Cancel],
            WishState.Delivered => [WishStep.ConfirmReceipt],
            _ => [],
        };

    public static bool Allows(WishState state, WishStep step) => AllowedSteps(state).Contains(step);

    /// <summary>Someone took the wish on (it may since have been delivered and received).</summary>
    public static bool ClaimedAlready(WishState state) =>
        state is WishState.Claimed or WishState.Delivered or WishState.Received;

    /// <summary>A wish's estimated value may not exceed the region's cap (微心愿 are small by definition).</summary>
    public static bool ExceedsCap(Money value, int capFen) => value.Fen > capFen;

    /// <summary>Whether the region shows its wall to the public (the rule is 1 for on, 0 for off).</summary>
    public static bool WallIsOpen(int publicWallRule) => publicWallRule != 0;

    /// <summary>States the public wall shows: a cancelled wish is nobody's business.</summary>
    public static bool ShownOnWall(WishState state) => state != WishState.Cancelled;
}
