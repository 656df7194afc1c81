using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Volunteering.GetVolunteeringStatistics;

internal static class GetVolunteeringStatisticsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/statistics",
                async Task<Ok<VolunteeringStatistics>> (
                    Guid? organizationId,
                    bool? descendants,
                    int? year,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            new GetVolunteeringStatisticsQuery(organizationId, descendants, year),
                            cancellationToken
                        )
                    )
            )
            .WithName("GetVolunteeringStatistics")
            .RequirePermission(Permissions.VolunteeringRead)
            .WithSummary(
                "统计分析: a year's (this year by default) demands by state and category, median hours to accept, "
                    + "claim and complete, share completed on time, average rating, micro-wishes, teams and "
                    + "volunteers, and service hours by month, in the caller's subtree or organizationId's (only its "
                    + "own rows with descendants=false)"
            )
            .ProducesValidationProblem();
}
