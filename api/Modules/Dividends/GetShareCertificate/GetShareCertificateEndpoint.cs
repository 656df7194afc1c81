using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.GetShareCertificate;

internal static class GetShareCertificateEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/households/{id:guid}/certificate",
                async Task<Ok<ShareCertificate>> (
                    Guid id,
                    DateOnly? asOf,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) => TypedResults.Ok(await mediator.Send(new GetShareCertificateQuery(id, asOf), cancellationToken))
            )
            .WithName("GetShareCertificate")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("A household's share certificate (股权证), for its print view")
            .WithDescription(
                "The collective, the household and its head, each member's shares by type as of asOf (default "
                    + "today) and the household's totals; ID numbers masked."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
