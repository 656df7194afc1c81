using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Assistance.ConfirmReceipt;

internal static class ConfirmReceiptEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/applications/{id:guid}/confirmation",
                async Task<Ok<ApplicationResponse>> (
                    Guid id,
                    ConfirmReceiptRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var application = await mediator.Send(
                        new ConfirmReceiptCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(application.Version);
                    return TypedResults.Ok(application);
                }
            )
            .WithName("ConfirmReceipt")
            .RequirePermission(Permissions.FundsWrite)
            .WithSummary("Record the recipient's confirmation")
            .WithDescription("The recipient confirms receipt (confirmedOn, note). Requires If-Match; 409 wrong_status.")
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
