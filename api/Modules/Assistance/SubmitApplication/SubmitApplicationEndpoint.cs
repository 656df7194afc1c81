using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Assistance.SubmitApplication;

internal static class SubmitApplicationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/applications",
                async Task<Created<ApplicationResponse>> (
                    SubmitApplicationRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var application = await mediator.Send(new SubmitApplicationCommand(request), cancellationToken);
                    response.SetETag(application.Version);
                    return TypedResults.Created($"/api/v1/assistance/applications/{application.Id}", application);
                }
            )
            .WithName("SubmitApplication")
            .RequirePermission(Permissions.FundsWrite)
            .WithSummary("Apply to the care fund for a member")
            .WithDescription(
                "Apply (memberId, category, amount, reason, otherAid, otherAidAmount); the caller is the applicant. "
                    + "409 amount_outside_band (min, max), yearly_cap_exceeded (cap, paid, remaining), "
                    + "not_in_hardship, not_old_member, member_not_living, no_fund. A second application of the "
                    + "same year and category is flagged with repeatOfId. Takes Idempotency-Key."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
