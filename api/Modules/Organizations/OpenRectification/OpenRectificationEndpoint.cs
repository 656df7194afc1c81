using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Organizations.OpenRectification;

internal static class OpenRectificationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/{id:guid}/rectifications",
                async Task<Created<RectificationResponse>> (
                    Guid id,
                    RectificationFields request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var rectification = await mediator.Send(
                        new OpenRectificationCommand(id, request),
                        cancellationToken
                    );
                    response.SetETag(rectification.Version);
                    return TypedResults.Created(
                        $"/api/v1/organizations/{id}/rectifications/{rectification.Id}",
                        rectification
                    );
                }
            )
            .WithName("OpenRectification")
            .RequirePermission(Permissions.OrganizationsWrite)
            .WithSummary(
                "Flag an organization as weak and lax (软弱涣散): reasons, plan, responsible leader, due date."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
