using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.GetCollective;

internal static class GetCollectiveEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/collectives/{id:guid}",
                async Task<Ok<CollectiveDetailResponse>> (
                    Guid id,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var detail = await mediator.Send(new GetCollectiveQuery(id), cancellationToken);
                    response.SetETag(detail.Collective.Version);
                    return TypedResults.Ok(detail);
                }
            )
            .WithName("GetCollective")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("A collective with its share types and membership confirmations (404 outside the scope)")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
