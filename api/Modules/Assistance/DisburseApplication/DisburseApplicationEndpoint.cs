using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Assistance.DisburseApplication;

internal static class DisburseApplicationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/applications/{id:guid}/disbursement",
                async Task<Ok<ApplicationResponse>> (
                    Guid id,
                    DisburseApplicationRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var application = await mediator.Send(
                        new DisburseApplicationCommand(
                            id,
                            ETags.ParseIfMatch(ifMatch),
                            !string.IsNullOrWhiteSpace(idempotencyKey),
                            request
                        ),
                        cancellationToken
                    );
                    response.SetETag(application.Version);
                    return TypedResults.Ok(application);
                }
            )
            .WithName("DisburseApplication")
            .RequirePermission(Permissions.FundsWrite)
            .WithSummary("Pay an approved application from the fund")
            .WithDescription(
                "Pay (paidOn, method: BankTransfer, Cash or Goods, reference: the transfer reference, the signed "
                    + "receipt's number or the goods given): the amount held becomes a disbursement in the ledger. "
                    + "Requires If-Match and Idempotency-Key (a replay never pays twice). 409 wrong_status, "
                    + "duties_not_separated (the payer differs from applicant, preparer and approvers), "
                    + "yearly_cap_exceeded."
            )
            .WithIdempotency()
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
