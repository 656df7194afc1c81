using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Organizations.GetRectification;

internal static class GetRectificationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/{id:guid}/rectifications/{rectificationId:guid}",
                async Task<Ok<RectificationResponse>> (
                    Guid id,
                    Guid rectificationId,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var rectification = await mediator.Send(
                        new GetRectificationQuery(id, rectificationId),
                        cancellationToken
                    );
                    response.SetETag(rectification.Version);
                    return TypedResults.Ok(rectification);
                }
            )
            .WithName("GetRectification")
            .RequirePermission(Permissions.OrganizationsRead)
            .WithSummary("One rectification with its progress notes.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
