using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.GetRuleSet;

internal sealed record GetRuleSetQuery(Guid Id) : IQuery<RuleSetResponse>;

internal sealed class GetRuleSetHandler(DbSession db, RuleSetComposition composition, CurrentScope currentScope)
    : IQueryHandler<GetRuleSetQuery, RuleSetResponse>
{
    public async ValueTask<RuleSetResponse> Handle(GetRuleSetQuery query, CancellationToken cancellationToken) =>
        await RuleSets.LoadAsync(
            db,
            composition,
            await currentScope.GetAsync(cancellationToken),
            query.Id,
            cancellationToken
        );
}
