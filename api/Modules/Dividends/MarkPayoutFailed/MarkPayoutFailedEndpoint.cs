namespace Jiceng.Modules.Dividends.MarkPayoutFailed;

internal static class MarkPayoutFailedEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        PayoutStepRoute.Map<MarkPayoutFailedRequest>(
            group,
            "fail",
            "MarkDistributionPayoutFailed",
            (id, version, body) => new MarkPayoutFailedCommand(id, version, body),
            "Mark a transfer failed",
            "An unpaid payout the bank could not transfer, with the bank's reason (body: reason). 409 "
                + "payout_not_unpaid when it is paid or failed already. If-Match."
        );
}
