using Jiceng.Infrastructure.Database;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.GetRuleSet;

internal sealed record GetRuleSetQuery(Guid Id) : IQuery<RuleSetResponse>;

internal sealed class GetRuleSetHandler(DbSession db) : IQueryHandler<GetRuleSetQuery, RuleSetResponse>
{
    public async ValueTask<RuleSetResponse> Handle(GetRuleSetQuery query, CancellationToken cancellationToken) =>
        await RuleSets.LoadAsync(db, query.Id, cancellationToken);
}
