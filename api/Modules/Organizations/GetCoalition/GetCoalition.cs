using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.GetCoalition;

internal sealed record GetCoalitionQuery(Guid Id) : IQuery<CoalitionResponse>;

internal sealed class GetCoalitionHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<GetCoalitionQuery, CoalitionResponse>
{
    public async ValueTask<CoalitionResponse> Handle(GetCoalitionQuery query, CancellationToken cancellationToken) =>
        await Coalitions.LoadAsync(db, await currentScope.GetAsync(cancellationToken), query.Id, cancellationToken);
}
