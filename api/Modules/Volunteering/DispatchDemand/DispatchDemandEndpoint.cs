namespace Jiceng.Modules.Volunteering.DispatchDemand;

internal static class DispatchDemandEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        DemandStepRoute.Map<DispatchDemandRequest>(
            group,
            "dispatch",
            "DispatchDemand",
            (id, version, body) => new DispatchDemandCommand(id, version, body),
            "派单: dispatch an accepted or open demand to a team, a member or a unit."
        );
}
