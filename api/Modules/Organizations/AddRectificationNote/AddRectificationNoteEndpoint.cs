using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Organizations.AddRectificationNote;

internal static class AddRectificationNoteEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/{id:guid}/rectifications/{rectificationId:guid}/notes",
                async Task<Created<RectificationResponse>> (
                    Guid id,
                    Guid rectificationId,
                    AddRectificationNoteRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var rectification = await mediator.Send(
                        new AddRectificationNoteCommand(id, rectificationId, request),
                        cancellationToken
                    );
                    response.SetETag(rectification.Version);
                    return TypedResults.Created(
                        $"/api/v1/organizations/{id}/rectifications/{rectificationId}",
                        rectification
                    );
                }
            )
            .WithName("AddRectificationNote")
            .RequirePermission(Permissions.OrganizationsWrite)
            .WithSummary("Append a progress note to an open rectification.")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
