using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.CheckPlanNotice;

internal static class CheckPlanNoticeEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/notices/{code}",
                async Task<Ok<PlanNoticeCheck>> (
                    string code,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) => TypedResults.Ok(await mediator.Send(new CheckPlanNoticeQuery(code), cancellationToken))
            )
            .WithName("CheckDistributionNotice")
            .AllowPublic()
            // Codes are 10 characters of 31: the sign-in limit per address keeps guessing hopeless.
            .RequireRateLimiting(RateLimitingSetup.SignInPolicy)
            .WithSummary("Check a printed 公示 sheet's code (no sign-in)")
            .WithDescription("The plan's collective, year, notice days, total and stage; 404 for an unknown code.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
