using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.GetPlan;

/// A plan with its parts, its timeline of steps (done and to come) and its open objections; any version stays
/// readable, and a superseded one names the version that replaced it.
internal sealed record GetPlanQuery(Guid Id) : IQuery<PlanView>;

internal sealed class GetPlanHandler(DbSession db, CurrentScope currentScope, DividendRuleSets ruleSets)
    : IQueryHandler<GetPlanQuery, PlanView>
{
    public async ValueTask<PlanView> Handle(GetPlanQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var plan = await PlanRecords.FindAsync(db, scope, query.Id, cancellationToken);
        var rules = await ruleSets.RulesAsync(plan.OrgId, cancellationToken);
        return await PlanRecords.ViewAsync(db, plan, rules, cancellationToken);
    }
}
