using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Members.GetMember;

internal sealed record GetMemberQuery(Guid Id) : IQuery<MemberResponse>;

internal sealed class GetMemberHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    MemberRuleSets rules,
    TimeProvider clock
) : IQueryHandler<GetMemberQuery, MemberResponse>
{
    public async ValueTask<MemberResponse> Handle(GetMemberQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var row = await MemberRecords.FindAsync(db, scope, query.Id, cancellationToken);
        return await MemberRecords.RespondAsync(row, organizations, rules, clock.Today(), cancellationToken);
    }
}
