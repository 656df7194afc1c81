namespace Jiceng.Modules.Volunteering.CancelDemand;

internal static class CancelDemandEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        DemandStepRoute.Map<CancelDemandRequest>(
            group,
            "cancel",
            "CancelDemand",
            (id, version, body) => new CancelDemandCommand(id, version, body),
            "取消: cancel the demand (the requester withdrew it, or it can no longer be served) with a reason."
        );
}
