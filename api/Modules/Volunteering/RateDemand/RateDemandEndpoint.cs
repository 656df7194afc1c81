namespace Jiceng.Modules.Volunteering.RateDemand;

internal static class RateDemandEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        DemandStepRoute.Map<RateDemandRequest>(
            group,
            "rate",
            "RateDemand",
            (id, version, body) => new RateDemandCommand(id, version, body),
            "评单: 1–5 stars and a comment on a completed demand, by the requester (API client) or by staff on "
                + "their behalf."
        );
}
