namespace Jiceng.Modules.Volunteering.RejectDemand;

internal static class RejectDemandEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        DemandStepRoute.Map<RejectDemandRequest>(
            group,
            "reject",
            "RejectDemand",
            (id, version, body) => new RejectDemandCommand(id, version, body),
            "不予受理: reject the demand with a reason the requester sees."
        );
}
