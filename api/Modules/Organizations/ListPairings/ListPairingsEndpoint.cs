using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Organizations.ListPairings;

internal static class ListPairingsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/{id:guid}/pairings",
                async Task<Ok<Paged<PairingResponse>>> (
                    Guid id,
                    PairingKind? kind,
                    bool? activeOnly,
                    int? page,
                    int? pageSize,
                    string? sort,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            new ListPairingsQuery(
                                id,
                                kind,
                                activeOnly ?? false,
                                PageRequest.From(page, pageSize),
                                sort
                            ),
                            cancellationToken
                        )
                    )
            )
            .WithName("ListPairings")
            .RequirePermission(Permissions.OrganizationsRead)
            .WithSummary("An organization's pairings on either side; sort by startsOn, endsOn, kind, partnerName.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
