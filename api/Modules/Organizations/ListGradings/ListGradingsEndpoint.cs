using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Organizations.ListGradings;

internal static class ListGradingsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/{id:guid}/gradings",
                async Task<Ok<Paged<GradingResponse>>> (
                    Guid id,
                    int? page,
                    int? pageSize,
                    string? sort,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            new ListGradingsQuery(id, PageRequest.From(page, pageSize), sort),
                            cancellationToken
                        )
                    )
            )
            .WithName("ListGradings")
            .RequirePermission(Permissions.OrganizationsRead)
            .WithSummary(
                "An organization's grading history by year, newest first; "
                    + "sort by year, level or score (prefix - for descending)."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
