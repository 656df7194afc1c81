using Jiceng.Infrastructure.Http;

namespace Jiceng.Modules.Dividends.ReversePayout;

internal static class ReversePayoutEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        PayoutStepRoute
            .Map<ReversePayoutRequest>(
                group,
                "reverse",
                "ReverseDistributionPayout",
                (id, version, body) => new ReversePayoutCommand(id, version, body),
                "Reverse a paid payout",
                "A new entry (kind Reversal, relatedId the paid one) of the negative amount, settled on reversedOn, "
                    + "with the reason; the paid entry is never changed. The answer is the reversal. 409 "
                    + "payout_not_paid, payout_not_reversible for a reversal, payout_already_handled when reversed "
                    + "already. If-Match (the paid entry's version) and Idempotency-Key."
            )
            .WithIdempotency();
}
