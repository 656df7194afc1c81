using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Organizations.UpdateRuleSet;

internal static class UpdateRuleSetEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPut(
                "/{id:guid}",
                async Task<Ok<RuleSetResponse>> (
                    Guid id,
                    UpdateRuleSetRequest request,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var ruleSet = await mediator.Send(
                        new UpdateRuleSetCommand(id, ETags.ParseIfMatch(ifMatch), request),
                        cancellationToken
                    );
                    response.SetETag(ruleSet.Version);
                    return TypedResults.Ok(ruleSet);
                }
            )
            .WithName("UpdateRuleSet")
            .RequirePermission(Permissions.RuleSetsWrite)
            .WithSummary(
                "Change a rule set (level names, term lengths, thresholds, each with its source). Requires If-Match."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesIfMatchProblems();
}
