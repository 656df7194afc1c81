using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.RegisterHousehold;

internal static class RegisterHouseholdEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/collectives/{id:guid}/households",
                async Task<Created<RegisterHouseholdResponse>> (
                    Guid id,
                    RegisterHouseholdRequest request,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                {
                    var household = await mediator.Send(new RegisterHouseholdCommand(id, request), cancellationToken);
                    return TypedResults.Created(
                        $"/api/v1/dividends/collectives/{id}/register?householdId={household.Id}",
                        household
                    );
                }
            )
            .WithName("RegisterHousehold")
            .RequirePermission(Permissions.DividendsWrite)
            .WithSummary("Register a household with its members and their initial shares")
            .WithDescription(
                "Register a household (户) of a collective: its number, its members (one the head, 户主) with ID "
                    + "numbers and bank accounts (encrypted, answered masked), the membership confirmation that "
                    + "confirmed them, and their initial shares from a day. A used number is 409 "
                    + "household_number_exists; a person already in the collective is 409 collective_member_exists."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
