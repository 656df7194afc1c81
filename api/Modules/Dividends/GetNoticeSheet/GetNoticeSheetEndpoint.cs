using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.GetNoticeSheet;

internal static class GetNoticeSheetEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/plans/{id:guid}/notice-sheet",
                async Task<Ok<NoticeSheet>> (Guid id, IMediator mediator, CancellationToken cancellationToken) =>
                    TypedResults.Ok(await mediator.Send(new GetNoticeSheetQuery(id), cancellationToken))
            )
            .WithName("GetDistributionNoticeSheet")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("The 公示 sheet's data, for its print view")
            .WithDescription(
                "One row per payee (household number, name, masked ID number, the amount of each part, total), "
                    + "the plan's notice dates and its check code with the public page that verifies it."
            )
            .ProducesProblem(StatusCodes.Status404NotFound);
}
