using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Assistance.ReviewApplication;

internal static class ReviewApplicationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/applications/{id:guid}/review",
                async Task<Ok<ApplicationResponse>> (
                    Guid id,
                    ReviewApplicationRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var application = await mediator.Send(
                        new ReviewApplicationCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(application.Version);
                    return TypedResults.Ok(application);
                }
            )
            .WithName("ReviewApplication")
            .RequirePermission(Permissions.FundsWrite)
            .WithSummary("The branch's review (支部评议) and its in-party notice")
            .WithDescription(
                "The branch's review: reviewedOn, passed, the notice's first and last day (at least the region's "
                    + "days; names masked in the notice list). The caller is the preparer, not the applicant. Requires "
                    + "If-Match; 409 wrong_status, notice_too_short, duties_not_separated."
            )
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
