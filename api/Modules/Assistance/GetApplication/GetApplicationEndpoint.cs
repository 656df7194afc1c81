using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Assistance.GetApplication;

internal static class GetApplicationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/applications/{id:guid}",
                async Task<Ok<ApplicationResponse>> (
                    Guid id,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var application = await mediator.Send(new GetApplicationQuery(id), cancellationToken);
                    response.SetETag(application.Version);
                    return TypedResults.Ok(application);
                }
            )
            .WithName("GetApplication")
            .RequirePermission(Permissions.FundsRead)
            .WithSummary("An application to the care fund with its steps")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
