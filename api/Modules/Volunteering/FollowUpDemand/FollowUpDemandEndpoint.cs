namespace Jiceng.Modules.Volunteering.FollowUpDemand;

internal static class FollowUpDemandEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        DemandStepRoute.Map<FollowUpDemandRequest>(
            group,
            "follow-up",
            "FollowUpDemand",
            (id, version, body) => new FollowUpDemandCommand(id, version, body),
            "回访: record a follow-up call on a closed demand (outcome); the demand stays closed."
        );
}
