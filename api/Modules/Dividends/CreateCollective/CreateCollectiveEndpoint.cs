using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.CreateCollective;

internal static class CreateCollectiveEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/collectives",
                async Task<Created<CollectiveResponse>> (
                    CreateCollectiveRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var collective = await mediator.Send(new CreateCollectiveCommand(request), cancellationToken);
                    response.SetETag(collective.Version);
                    return TypedResults.Created($"/api/v1/dividends/collectives/{collective.Id}", collective);
                }
            )
            .WithName("CreateCollective")
            .RequirePermission(Permissions.DividendsWrite)
            .WithSummary("Register a collective economic organization or a branch-led cooperative")
            .WithDescription(
                "Register a 村/社区股份经济合作社 or a 党支部领办合作社 of an organization in the caller's scope: name, "
                    + "kind, 统一社会信用代码 (GB 32100 check character), land transferred in mu and static or "
                    + "dynamic share management. A code already registered is 409 collective_credit_code_exists."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
