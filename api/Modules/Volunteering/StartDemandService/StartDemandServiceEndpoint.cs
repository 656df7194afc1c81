namespace Jiceng.Modules.Volunteering.StartDemandService;

internal static class StartDemandServiceEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        DemandStepRoute.Map<StartDemandServiceRequest>(
            group,
            "start",
            "StartDemandService",
            (id, version, body) => new StartDemandServiceCommand(id, version, body),
            "开始服务: the claimant starts serving."
        );
}
