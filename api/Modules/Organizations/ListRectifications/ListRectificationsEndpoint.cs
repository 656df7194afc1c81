using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Organizations.ListRectifications;

internal static class ListRectificationsEndpoint
{
    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/{id:guid}/rectifications",
                async Task<Ok<Paged<RectificationListItem>>> (
                    Guid id,
                    bool? includeDescendants,
                    RectificationStatus? status,
                    int? page,
                    int? pageSize,
                    string? sort,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            new ListRectificationsQuery(
                                id,
                                includeDescendants ?? false,
                                status,
                                false,
                                PageRequest.From(page, pageSize),
                                sort
                            ),
                            cancellationToken
                        )
                    )
            )
            .WithName("ListRectifications")
            .RequirePermission(Permissions.OrganizationsRead)
            .WithSummary(
                "Rectifications of an organization (or its subtree with includeDescendants=true); sort by dueOn, "
                    + "flaggedOn, organizationName, status."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group
            .MapGet(
                "/{id:guid}/rectifications/overdue",
                async Task<Ok<Paged<RectificationListItem>>> (
                    Guid id,
                    int? page,
                    int? pageSize,
                    string? sort,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            new ListRectificationsQuery(
                                id,
                                true,
                                RectificationStatus.Open,
                                true,
                                PageRequest.From(page, pageSize),
                                sort
                            ),
                            cancellationToken
                        )
                    )
            )
            .WithName("ListOverdueRectifications")
            .RequirePermission(Permissions.OrganizationsRead)
            .WithSummary(
                "Open rectifications past their due date anywhere in the organization's subtree (China Standard Time)."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
