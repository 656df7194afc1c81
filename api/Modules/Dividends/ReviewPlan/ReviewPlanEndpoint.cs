using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Dividends.ReviewPlan;

internal static class ReviewPlanEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        PlanStepRoute.Map<ReviewPlanRequest>(
            group,
            "review",
            "ReviewDistributionPlan",
            Permissions.DividendsApprove,
            (id, version, body) => new ReviewPlanCommand(id, version, body),
            "The township rural-economy station's review",
            "After the assembly's resolution; needs dividends.approve, and the plan's preparer is refused "
                + "(409 plan_preparer_cannot_approve)."
        );
}
