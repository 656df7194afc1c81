using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Dividends.CreatePayouts;

internal static class CreatePayoutsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        PlanStepRoute
            .Map<CreatePayoutsRequest>(
                group,
                "payouts",
                "CreateDistributionPayouts",
                Permissions.DividendsWrite,
                (id, version, body) => new CreatePayoutsCommand(id, version, body),
                "Make the payout list of an approved plan",
                "One unpaid payout per plan line, once: 409 plan_payouts_exist on a second call, "
                    + "plan_objections_open while an objection is open. Takes Idempotency-Key (a replay answers "
                    + "the first result and pays nothing twice)."
            )
            .WithIdempotency();
}
