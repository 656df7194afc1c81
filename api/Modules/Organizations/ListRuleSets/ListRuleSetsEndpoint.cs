using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Organizations.ListRuleSets;

internal static class ListRuleSetsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/",
                async Task<Ok<Paged<RuleSetListItem>>> (
                    int? page,
                    int? pageSize,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(new ListRuleSetsQuery(PageRequest.From(page, pageSize)), cancellationToken)
                    )
            )
            .WithName("ListRuleSets")
            .RequirePermission(Permissions.OrganizationsRead)
            .WithSummary("The default rule set and every regional one.")
            .ProducesValidationProblem();
}
