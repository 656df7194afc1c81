using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.GetOrganization;

internal sealed record GetOrganizationQuery(Guid Id) : IQuery<OrganizationResponse>;

internal sealed class GetOrganizationHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<GetOrganizationQuery, OrganizationResponse>
{
    public async ValueTask<OrganizationResponse> Handle(GetOrganizationQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        await OrganizationTree.FindAsync(db, scope, query.Id, cancellationToken);
        return await OrganizationDetails.LoadAsync(db, scope, query.Id, cancellationToken);
    }
}
