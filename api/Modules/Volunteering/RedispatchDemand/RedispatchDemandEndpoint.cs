namespace Jiceng.Modules.Volunteering.RedispatchDemand;

internal static class RedispatchDemandEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        DemandStepRoute.Map<RedispatchDemandRequest>(
            group,
            "redispatch",
            "RedispatchDemand",
            (id, version, body) => new RedispatchDemandCommand(id, version, body),
            "改派: give an assigned or in-service demand to another team, member or unit."
        );
}
