using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;

namespace Jiceng.Modules.Members.GetPipeline;

internal sealed record GetPipelineQuery(Guid MemberId) : IQuery<PipelineView>;

internal sealed class GetPipelineHandler(
    DbSession db,
    CurrentScope currentScope,
    MemberRuleSets rules,
    TimeProvider clock
) : IQueryHandler<GetPipelineQuery, PipelineView>
{
    public async ValueTask<PipelineView> Handle(GetPipelineQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var member = await MemberRecords.FindAsync(db, scope, query.MemberId, cancellationToken);
        var pipelineRules = await rules.MemberPipelineRulesAsync(member.OrgId, cancellationToken);
        return await PipelineViews.LoadAsync(db, member, pipelineRules, clock.Today(), cancellationToken);
    }
}
