using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Assistance.CreateFund;

internal static class CreateFundEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/funds",
                async Task<Created<FundResponse>> (
                    CreateFundRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var fund = await mediator.Send(new CreateFundCommand(request), cancellationToken);
                    response.SetETag(fund.Version);
                    return TypedResults.Created($"/api/v1/assistance/funds/{fund.Id}", fund);
                }
            )
            .WithName("CreateFund")
            .RequirePermission(Permissions.FundsWrite)
            .WithSummary("Set up an organization's care fund")
            .WithDescription(
                "Set up an organization's care fund (empty); the nearest fund above becomes its parent, from which it "
                    + "receives allocations (下拨). One per organization: 409 fund_exists."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
