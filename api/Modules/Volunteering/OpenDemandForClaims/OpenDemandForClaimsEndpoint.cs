namespace Jiceng.Modules.Volunteering.OpenDemandForClaims;

internal static class OpenDemandForClaimsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        DemandStepRoute.Map<OpenDemandForClaimsRequest>(
            group,
            "open",
            "OpenDemandForClaims",
            (id, version, body) => new OpenDemandForClaimsCommand(id, version, body),
            "开放接单: open an accepted demand for claiming by a member, a team or a unit."
        );
}
