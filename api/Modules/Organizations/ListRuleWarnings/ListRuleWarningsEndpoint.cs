using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Organizations.ListRuleWarnings;

internal static class ListRuleWarningsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/warnings",
                async Task<Ok<Paged<RuleWarning>>> (
                    Guid? within,
                    RuleWarningCode? code,
                    int? page,
                    int? pageSize,
                    string? sort,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            new ListRuleWarningsQuery(within, code, PageRequest.From(page, pageSize), sort),
                            cancellationToken
                        )
                    )
            )
            .WithName("ListRuleWarnings")
            .RequirePermission(Permissions.OrganizationsRead)
            .WithSummary("Rule warnings in a subtree")
            .WithDescription(
                "Rule warnings in a subtree (terms ending within the warning window or overdue; member-count rules "
                    + "once Members exists). Warn, never block. Sort by tree (default), "
                    + "organizationName, code or dueOn; prefix - for descending."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
