using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Volunteering.ShowSiteCode;

internal static class ShowSiteCodeEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/activities/{id:guid}/site-code",
                async Task<Ok<SiteCodeResponse>> (
                    Guid id,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    response.Headers.CacheControl = "no-store";
                    return TypedResults.Ok(await mediator.Send(new ShowSiteCodeQuery(id), cancellationToken));
                }
            )
            .WithName("ShowVolunteerSiteCode")
            .RequirePermission(Permissions.VolunteeringWrite)
            .WithSummary("The activity's rotating check-in code (six digits, a new one every five minutes)")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
