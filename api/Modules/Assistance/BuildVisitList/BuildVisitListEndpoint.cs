using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Assistance.BuildVisitList;

internal static class BuildVisitListEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/visit-lists",
                async Task<Created<VisitListResponse>> (
                    BuildVisitListRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var list = await mediator.Send(new BuildVisitListCommand(request), cancellationToken);
                    response.SetETag(list.Version);
                    return TypedResults.Created($"/api/v1/assistance/visit-lists/{list.Id}/visits", list);
                }
            )
            .WithName("BuildVisitList")
            .RequirePermission(Permissions.FundsWrite)
            .WithSummary("Build a holiday visit list")
            .WithDescription(
                "Build an organization's visit list for SpringFestival or PartyAnniversary (1 July) of a year, from "
                    + "the register on the holiday's day: members in hardship, aged 80 and over, with 50 years' "
                    + "standing (the region's figures). Families of martyrs are added by name afterwards. A second "
                    + "list for the same organization, holiday and year is 409 visit_list_exists."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
