using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Dividends.RecordPlanStep;

internal static class RecordPlanStepEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        PlanStepRoute.Map<RecordPlanStepRequest>(
            group,
            "steps",
            "RecordDistributionPlanStep",
            Permissions.DividendsWrite,
            (id, version, body) => new RecordPlanStepCommand(id, version, body),
            "Record the plan's next deliberation step",
            "The region's steps in order (四议: 党支部提议, 两委会商议, 党员大会审议, 成员（代表）大会决议); "
                + "409 plan_step_out_of_order, plan_vote_required, plan_not_quorate (more than half of members or "
                + "two thirds of representatives by default), plan_not_carried (a majority of those present)."
        );
}
