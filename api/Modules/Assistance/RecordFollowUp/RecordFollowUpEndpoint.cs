using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Assistance.RecordFollowUp;

internal static class RecordFollowUpEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/applications/{id:guid}/follow-up",
                async Task<Ok<ApplicationResponse>> (
                    Guid id,
                    RecordFollowUpRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var application = await mediator.Send(
                        new RecordFollowUpCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(application.Version);
                    return TypedResults.Ok(application);
                }
            )
            .WithName("RecordFollowUp")
            .RequirePermission(Permissions.FundsWrite)
            .WithSummary("Record what the follow-up visit of a sampled payment found")
            .WithDescription(
                "visitedOn, outcome (Received, NotReceived, ReceivedWithIssues), note (required unless received). "
                    + "Only for an application drawn in a receipt sample, once, not by its payer. Requires If-Match; "
                    + "409 not_sampled, follow_up_recorded, duties_not_separated, wrong_status."
            )
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
