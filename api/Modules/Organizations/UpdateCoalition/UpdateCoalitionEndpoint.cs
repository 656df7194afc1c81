using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Organizations.UpdateCoalition;

internal static class UpdateCoalitionEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPut(
                "/{id:guid}",
                async Task<Ok<CoalitionResponse>> (
                    Guid id,
                    CoalitionFields request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var coalition = await mediator.Send(
                        new UpdateCoalitionCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(coalition.Version);
                    return TypedResults.Ok(coalition);
                }
            )
            .WithName("UpdateCoalition")
            .RequirePermission(Permissions.OrganizationsWrite)
            .WithSummary("Replace a coalition's name, description and members. Requires If-Match.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesIfMatchProblems();
}
