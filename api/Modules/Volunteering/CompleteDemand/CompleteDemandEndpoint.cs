namespace Jiceng.Modules.Volunteering.CompleteDemand;

internal static class CompleteDemandEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        DemandStepRoute.Map<CompleteDemandRequest>(
            group,
            "complete",
            "CompleteDemand",
            (id, version, body) => new CompleteDemandCommand(id, version, body),
            "服务完成: what was done, hours per helper (members by id, others by name; half hours) and the "
                + "optional value in yuan (折合资金)."
        );
}
