using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Organizations.GetSubtreeStatistics;

internal static class GetSubtreeStatisticsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/{id:guid}/stats",
                async Task<Ok<SubtreeStatisticsResponse>> (
                    Guid id,
                    int? year,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) => TypedResults.Ok(await mediator.Send(new GetSubtreeStatisticsQuery(id, year), cancellationToken))
            )
            .WithName("GetSubtreeStatistics")
            .RequirePermission(Permissions.OrganizationsRead)
            .WithSummary(
                "Counts over an organization's subtree: by status, kind, field, "
                    + "depth, grading level of a year, pairings and rectifications."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
