using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Assistance.RejectApplication;

internal static class RejectApplicationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/applications/{id:guid}/rejection",
                async Task<Ok<ApplicationResponse>> (
                    Guid id,
                    RejectApplicationRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var application = await mediator.Send(
                        new RejectApplicationCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(application.Version);
                    return TypedResults.Ok(application);
                }
            )
            .WithName("RejectApplication")
            .RequirePermission(Permissions.FundsApprove)
            .WithSummary("Reject an application at its approval")
            .WithDescription(
                "Reject (reason) while it waits for an approval; any amount held is released. Requires If-Match; "
                    + "409 wrong_status, duties_not_separated."
            )
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
