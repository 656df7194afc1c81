using Jiceng.Infrastructure.Http;

namespace Jiceng.Modules.Dividends.ReissuePayout;

internal static class ReissuePayoutEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        PayoutStepRoute
            .Map<ReissuePayoutRequest>(
                group,
                "reissue",
                "ReissueDistributionPayout",
                (id, version, body) => new ReissuePayoutCommand(id, version, body),
                "Re-issue a failed transfer",
                "A new unpaid entry (kind Reissue, relatedId the failed one) for the same payee and amount; the "
                    + "answer is the new entry. 409 payout_not_failed unless the entry failed, "
                    + "payout_already_handled when it was re-issued already. If-Match (the failed entry's version) "
                    + "and Idempotency-Key."
            )
            .WithIdempotency();
}
