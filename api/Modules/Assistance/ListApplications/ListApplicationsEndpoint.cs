using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Assistance.ListApplications;

internal static class ListApplicationsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/applications",
                async Task<Ok<Paged<ApplicationSummary>>> (
                    [AsParameters] ApplicationFilter filter,
                    int? page,
                    int? pageSize,
                    string? sort,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            new ListApplicationsQuery(filter, PageRequest.From(page, pageSize), sort),
                            cancellationToken
                        )
                    )
            )
            .WithName("ListApplications")
            .RequirePermission(Permissions.FundsRead)
            .WithSummary("Applications within your scope; filter by status, awaiting tier (an inbox), year, member")
            .ProducesValidationProblem();
}
