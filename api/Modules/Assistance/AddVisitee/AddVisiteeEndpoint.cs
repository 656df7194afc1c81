using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Assistance.AddVisitee;

internal static class AddVisiteeEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/visit-lists/{id:guid}/visits",
                async Task<Created<VisitResponse>> (
                    Guid id,
                    AddVisiteeRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var visit = await mediator.Send(new AddVisiteeCommand(id, request), cancellationToken);
                    response.SetETag(visit.Version);
                    return TypedResults.Created($"/api/v1/assistance/visit-lists/{id}/visits", visit);
                }
            )
            .WithName("AddVisitee")
            .RequirePermission(Permissions.FundsWrite)
            .WithSummary("Add a family of a martyr to a visit list")
            .WithDescription(
                "Add a family of a martyr (烈士家属) to a visit list by name and relation (e.g. 烈士王某之母): Members "
                    + "does not record martyrs, so they are entered as the branch knows them."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
