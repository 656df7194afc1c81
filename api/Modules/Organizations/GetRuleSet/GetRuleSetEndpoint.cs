using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Organizations.GetRuleSet;

internal static class GetRuleSetEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/{id:guid}",
                async Task<Ok<RuleSetResponse>> (
                    Guid id,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var ruleSet = await mediator.Send(new GetRuleSetQuery(id), cancellationToken);
                    response.SetETag(ruleSet.Version);
                    return TypedResults.Ok(ruleSet);
                }
            )
            .WithName("GetRuleSet")
            .RequirePermission(Permissions.OrganizationsRead)
            .WithSummary("One rule set with every rule and its source text.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
