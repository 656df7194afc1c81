using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Members.RevealMemberData;

internal static class RevealMemberDataEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/{id:guid}/reveal",
                async Task<Ok<RevealedMemberData>> (
                    Guid id,
                    RevealMemberDataRequest request,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) => TypedResults.Ok(await mediator.Send(new RevealMemberDataCommand(id, request), cancellationToken))
            )
            .WithName("RevealMemberData")
            .RequirePermission(Permissions.MembersRevealPii)
            .WithSummary("Show a member's ID number or phone unmasked")
            .WithDescription(
                "Show a member's ID number or phone unmasked: needs members.reveal-pii and a reason (5–200 "
                    + "characters); every reveal is audited and limited per hour."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
