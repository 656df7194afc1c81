using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Dividends.ApprovePlan;

internal static class ApprovePlanEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        PlanStepRoute.Map<ApprovePlanRequest>(
            group,
            "approve",
            "ApproveDistributionPlan",
            Permissions.DividendsApprove,
            (id, version, body) => new ApprovePlanCommand(id, version, body),
            "Approve a distribution plan",
            "Needs dividends.approve (403 otherwise); 409 plan_preparer_cannot_approve for the preparer, "
                + "plan_notice_running before the notice's last day has passed, plan_objections_open while any "
                + "objection is not closed."
        );
}
