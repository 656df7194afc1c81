using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.CreateShareType;

internal static class CreateShareTypeEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/collectives/{id:guid}/share-types",
                async Task<Created<ShareTypeResponse>> (
                    Guid id,
                    CreateShareTypeRequest request,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                {
                    var type = await mediator.Send(new CreateShareTypeCommand(id, request), cancellationToken);
                    return TypedResults.Created($"/api/v1/dividends/collectives/{id}", type);
                }
            )
            .WithName("CreateShareType")
            .RequirePermission(Permissions.DividendsWrite)
            .WithSummary("Add a share type with its weight to a collective (409 share_type_exists for a used name)")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
