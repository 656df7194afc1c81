using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Assistance.ApproveApplication;

internal static class ApproveApplicationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/applications/{id:guid}/approval",
                async Task<Ok<ApplicationResponse>> (
                    Guid id,
                    ApproveApplicationRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var application = await mediator.Send(
                        new ApproveApplicationCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(application.Version);
                    return TypedResults.Ok(application);
                }
            )
            .WithName("ApproveApplication")
            .RequirePermission(Permissions.FundsApprove)
            .WithSummary("Approve at the tier the amount requires")
            .WithDescription(
                "Approve after the notice has ended: the street first, the district too above the region's "
                    + "threshold. The first approval holds the amount in the fund (409 fund_insufficient when it does "
                    + "not fit). Each approver differs from the applicant, the preparer and the other approver (409 "
                    + "duties_not_separated). Requires If-Match."
            )
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
