namespace Jiceng.Modules.Volunteering.CloseDemand;

internal static class CloseDemandEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        DemandStepRoute.Map<CloseDemandRequest>(
            group,
            "close",
            "CloseDemand",
            (id, version, body) => new CloseDemandCommand(id, version, body),
            "办结: close a rated demand."
        );
}
