using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Dividends.StartPlanNotice;

internal static class StartPlanNoticeEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        PlanStepRoute.Map<StartPlanNoticeRequest>(
            group,
            "notice",
            "StartDistributionPlanNotice",
            Permissions.DividendsWrite,
            (id, version, body) => new StartPlanNoticeCommand(id, version, body),
            "Post the plan on public notice (公示)",
            "After the station's review: sets the notice's first and last day (the region's days, calendar days "
                + "unless its rule says working days) and the check code printed on the sheet."
        );
}
