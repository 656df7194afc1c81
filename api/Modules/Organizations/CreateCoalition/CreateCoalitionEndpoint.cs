using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Organizations.CreateCoalition;

internal static class CreateCoalitionEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/",
                async Task<Created<CoalitionResponse>> (
                    CoalitionFields request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var coalition = await mediator.Send(new CreateCoalitionCommand(request), cancellationToken);
                    response.SetETag(coalition.Version);
                    return TypedResults.Created($"/api/v1/coalitions/{coalition.Id}", coalition);
                }
            )
            .WithName("CreateCoalition")
            .RequirePermission(Permissions.OrganizationsWrite)
            .WithSummary("Create a coalition (党建联合体) of two or more organizations; names are unique.")
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
