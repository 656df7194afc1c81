using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Assistance.ListNotices;

internal static class ListNoticesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/notices",
                async Task<Ok<Paged<NoticeEntry>>> (
                    Guid? organizationId,
                    DateOnly? on,
                    int? page,
                    int? pageSize,
                    string? sort,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            new ListNoticesQuery(organizationId, on, PageRequest.From(page, pageSize), sort),
                            cancellationToken
                        )
                    )
            )
            .WithName("ListNotices")
            .RequirePermission(Permissions.FundsRead)
            .WithSummary("The in-party notices (党内公示) running on a day, names masked, for a list or print view")
            .WithDescription(
                "Applications whose notice after the branch review runs on the day (on, default today) in the subtree "
                    + "(organizationId, default your scope), rejected and withdrawn ones taken down; member names "
                    + "masked (张*, 欧*修). Sort by noticeTo (default), noticeFrom, amount, category."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
