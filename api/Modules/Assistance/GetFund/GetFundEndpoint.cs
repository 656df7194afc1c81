using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Assistance.GetFund;

internal static class GetFundEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/funds/{id:guid}",
                async Task<Ok<FundDetailsResponse>> (
                    Guid id,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var fund = await mediator.Send(new GetFundQuery(id), cancellationToken);
                    response.SetETag(fund.Fund.Version);
                    return TypedResults.Ok(fund);
                }
            )
            .WithName("GetFund")
            .RequirePermission(Permissions.FundsRead)
            .WithSummary("A care fund: balance, held, available")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
