using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Members.GetMemberStatistics;

internal static class GetMemberStatisticsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/stats",
                async Task<Ok<MemberStatistics>> (
                    Guid? organizationId,
                    int? admittedYear,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            new GetMemberStatisticsQuery(organizationId, admittedYear),
                            cancellationToken
                        )
                    )
            )
            .WithName("GetMemberStatistics")
            .RequirePermission(Permissions.MembersRead)
            .WithSummary("Member counts over a subtree by stage, status, category, gender, age band and education")
            .WithDescription(
                "Member counts over a subtree by stage, status, "
                    + "category, gender, age band and education; and of those "
                    + "admitted in a year (default last year), not the whole register, the shares aged 35 or under on "
                    + "the day of admission (35岁及以下, 35 included), with college education, and front-line."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
