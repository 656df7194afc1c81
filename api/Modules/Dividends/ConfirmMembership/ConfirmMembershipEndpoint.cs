using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.ConfirmMembership;

internal static class ConfirmMembershipEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/collectives/{id:guid}/confirmations",
                async Task<Created<ConfirmMembershipResponse>> (
                    Guid id,
                    ConfirmMembershipRequest request,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                {
                    var confirmation = await mediator.Send(
                        new ConfirmMembershipCommand(id, request),
                        cancellationToken
                    );
                    return TypedResults.Created($"/api/v1/dividends/collectives/{id}", confirmation);
                }
            )
            .WithName("ConfirmMembership")
            .RequirePermission(Permissions.DividendsWrite)
            .WithSummary("Record a membership confirmation: its 公示 and the assembly's vote")
            .WithDescription(
                "Record a membership confirmation (成员身份确认): the days the list was posted, the assembly, those "
                    + "entitled and present and the votes. Not more than half of those present in favour is 409 "
                    + "membership_vote_not_carried."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
