using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Assistance.PairHelper;

internal static class PairHelperEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/pairings",
                async Task<Created<HelperPairResponse>> (
                    PairHelperRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var pairing = await mediator.Send(new PairHelperCommand(request), cancellationToken);
                    response.SetETag(pairing.Version);
                    return TypedResults.Created($"/api/v1/assistance/pairings/{pairing.Id}/help-logs", pairing);
                }
            )
            .WithName("PairHelper")
            .RequirePermission(Permissions.FundsWrite)
            .WithSummary("Pair a helper with a member in hardship (1+N)")
            .WithDescription(
                "helperMemberId (an active in-service member), helpedMemberId (in hardship on startedOn), startedOn. "
                    + "409 helper_not_in_service, not_in_hardship, member_not_active, pairing_self, pairing_exists."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
