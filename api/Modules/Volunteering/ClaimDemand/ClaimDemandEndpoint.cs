namespace Jiceng.Modules.Volunteering.ClaimDemand;

internal static class ClaimDemandEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        DemandStepRoute.Map<ClaimDemandRequest>(
            group,
            "claim",
            "ClaimDemand",
            (id, version, body) => new ClaimDemandCommand(id, version, body),
            "接单: a member, a team or a unit claims an open demand. One claimant per demand: a later or losing "
                + "claim is 409 demand_already_claimed (even with a stale If-Match); more open claims than the "
                + "region allows is 409 too_many_open_claims."
        );
}
