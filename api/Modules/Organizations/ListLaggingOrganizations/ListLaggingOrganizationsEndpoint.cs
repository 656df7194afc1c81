using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Organizations.ListLaggingOrganizations;

internal static class ListLaggingOrganizationsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/{id:guid}/gradings/lagging",
                async Task<Ok<LaggingReport>> (
                    Guid id,
                    int year,
                    GradingMovement? movement,
                    int? page,
                    int? pageSize,
                    string? sort,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            new ListLaggingOrganizationsQuery(
                                id,
                                year,
                                movement,
                                PageRequest.From(page, pageSize),
                                sort
                            ),
                            cancellationToken
                        )
                    )
            )
            .WithName("ListLaggingOrganizations")
            .RequirePermission(Permissions.OrganizationsRead)
            .WithSummary(
                "Lagging organizations of a year in a subtree, with last "
                    + "year's level and the movement (the rolling-upgrade report)."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
