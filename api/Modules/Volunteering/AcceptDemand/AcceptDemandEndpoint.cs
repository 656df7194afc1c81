namespace Jiceng.Modules.Volunteering.AcceptDemand;

internal static class AcceptDemandEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        DemandStepRoute.Map<AcceptDemandRequest>(
            group,
            "accept",
            "AcceptDemand",
            (id, version, body) => new AcceptDemandCommand(id, version, body),
            "受理: the community's organization accepts the demand; the dispatch-or-claim deadline starts "
                + "(the region's working days)."
        );
}
