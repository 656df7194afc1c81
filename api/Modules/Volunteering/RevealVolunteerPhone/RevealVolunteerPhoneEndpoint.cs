using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Volunteering.RevealVolunteerPhone;

internal static class RevealVolunteerPhoneEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/volunteers/{id:guid}/reveal",
                async Task<Ok<RevealedVolunteerPhone>> (
                    Guid id,
                    RevealVolunteerPhoneRequest request,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(new RevealVolunteerPhoneCommand(id, request), cancellationToken)
                    )
            )
            .WithName("RevealVolunteerPhone")
            .RequirePermission(Permissions.VolunteeringRevealPii)
            .WithSummary("Reveal a resident volunteer's phone")
            .WithDescription(
                "Reveal a resident volunteer's phone in full: needs volunteering.reveal-pii and a reason (5 to 200 "
                    + "characters); each reveal is one audit row and counts against Security:RevealsPerHour (429)."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
