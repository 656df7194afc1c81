using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Volunteering.ConfirmMicroWishReceipt;

internal static class ConfirmMicroWishReceiptEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/wishes/{wishId:guid}/receipt",
                async Task<Ok<MicroWishResponse>> (
                    Guid wishId,
                    ConfirmMicroWishReceiptRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var wish = await mediator.Send(
                        new ConfirmMicroWishReceiptCommand(wishId, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(wish.Version);
                    return TypedResults.Ok(wish);
                }
            )
            .WithName("ConfirmMicroWishReceipt")
            .RequirePermission(Permissions.VolunteeringWrite)
            .WithSummary("Record that the resident received a delivered micro-wish")
            .WithDescription(
                "Record the resident's confirmation of receipt (确认收到), with the day and a note. "
                    + "Requires If-Match; a wish in a state that does not allow the step is 409 "
                    + "wish_step_not_allowed with allowedSteps."
            )
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
