using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Dividends.RevisePlan;

internal static class RevisePlanEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        PlanStepRoute
            .Map<RevisePlanRequest>(
                group,
                "revise",
                "ReviseDistributionPlan",
                Permissions.DividendsWrite,
                (id, version, body) => new RevisePlanCommand(id, version, body),
                "Change a reviewed, noticed or approved plan: a new version",
                "Body: terms (as when preparing the plan, same collective), reason, documentRef. The version "
                    + "changed becomes Superseded and stays readable; the answer is the new version (its id, "
                    + "versionNo + 1, its own ETag), computed again from the register, prepared by the caller, with "
                    + "the deliberation and review records carried over and the notice to be posted again. 409 "
                    + "plan_not_revisable for a draft or a plan in deliberation (prepare it again instead), "
                    + "plan_superseded on an older version, plan_payouts_exist once payouts exist. Takes "
                    + "Idempotency-Key."
            )
            .WithIdempotency();
}
