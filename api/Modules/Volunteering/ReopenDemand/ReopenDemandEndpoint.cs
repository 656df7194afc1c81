namespace Jiceng.Modules.Volunteering.ReopenDemand;

internal static class ReopenDemandEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        DemandStepRoute.Map<ReopenDemandRequest>(
            group,
            "reopen",
            "ReopenDemand",
            (id, version, body) => new ReopenDemandCommand(id, version, body),
            "重新办理: the requester says the need was not met; the demand goes back to accepted, without its "
                + "claimant, with a new dispatch-or-claim deadline."
        );
}
