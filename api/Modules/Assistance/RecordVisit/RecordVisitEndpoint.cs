using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Assistance.RecordVisit;

internal static class RecordVisitEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/visits/{id:guid}/record",
                async Task<Ok<VisitResponse>> (
                    Guid id,
                    RecordVisitRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var visit = await mediator.Send(
                        new RecordVisitCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(visit.Version);
                    return TypedResults.Ok(visit);
                }
            )
            .WithName("RecordVisit")
            .RequirePermission(Permissions.FundsWrite)
            .WithSummary("Record a holiday visit")
            .WithDescription(
                "Record a visit once: visitedOn, visitors, money (yuan, paid from fundId through the fund's ledger: "
                    + "409 fund_insufficient, yearly_cap_exceeded), goods with goodsValue, note. Requires If-Match; "
                    + "takes an Idempotency-Key. 409 visit_already_recorded, visit_before_list, fund_required, "
                    + "fund_not_covering."
            )
            .WithIdempotency()
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
