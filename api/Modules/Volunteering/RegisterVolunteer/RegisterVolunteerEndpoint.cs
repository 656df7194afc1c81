using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Volunteering.RegisterVolunteer;

internal static class RegisterVolunteerEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/volunteers",
                async Task<Created<VolunteerResponse>> (
                    RegisterVolunteerRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var volunteer = await mediator.Send(new RegisterVolunteerCommand(request), cancellationToken);
                    response.SetETag(volunteer.Version);
                    return TypedResults.Created($"/api/v1/volunteering/volunteers/{volunteer.Id}", volunteer);
                }
            )
            .WithName("RegisterVolunteer")
            .RequirePermission(Permissions.VolunteeringWrite)
            .WithSummary("Register a volunteer")
            .WithDescription(
                "Register a volunteer of an organization: kind Member (memberId; a member of the caller's "
                    + "organizations or one reporting to a community of them through 双报到) or Resident (name and "
                    + "phone; the phone is encrypted and answered masked). A member registered twice is 409 "
                    + "volunteer_already_registered."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
