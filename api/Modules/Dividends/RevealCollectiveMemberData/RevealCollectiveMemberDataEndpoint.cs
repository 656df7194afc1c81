using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.RevealCollectiveMemberData;

internal static class RevealCollectiveMemberDataEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/collective-members/{id:guid}/reveal",
                async Task<Ok<RevealedCollectiveMemberData>> (
                    Guid id,
                    RevealCollectiveMemberDataRequest request,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(new RevealCollectiveMemberDataCommand(id, request), cancellationToken)
                    )
            )
            .WithName("RevealCollectiveMemberData")
            .RequirePermission(Permissions.DividendsRevealPii)
            .WithSummary("Show a collective member's ID number or bank account whole, with a reason (audited)")
            .WithDescription(
                "A reason of 5–200 characters; each reveal is one audit row, and a caller gets at most "
                    + "Security:RevealsPerHour of them per hour (429)."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
