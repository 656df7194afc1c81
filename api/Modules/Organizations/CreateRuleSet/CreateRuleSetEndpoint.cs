using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Organizations.CreateRuleSet;

internal static class CreateRuleSetEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/",
                async Task<Created<RuleSetResponse>> (
                    CreateRuleSetRequest request,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var ruleSet = await mediator.Send(new CreateRuleSetCommand(request), cancellationToken);
                    response.SetETag(ruleSet.Version);
                    return TypedResults.Created($"/api/v1/rule-sets/{ruleSet.Id}", ruleSet);
                }
            )
            .WithName("CreateRuleSet")
            .RequirePermission(Permissions.RuleSetsWrite)
            .WithSummary(
                "Give a top-level region its own rule set (a copy of "
                    + "the default unless a document is sent); one per region."
            )
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
