using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.GetDemand;

/// <summary>One demand with its deadlines, its timeline and its helpers; another region's demand is 404.</summary>
internal sealed record GetDemandQuery(Guid Id) : IQuery<DemandResponse>;

internal sealed class GetDemandHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    TimeProvider clock
) : IQueryHandler<GetDemandQuery, DemandResponse>
{
    public async ValueTask<DemandResponse> Handle(GetDemandQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var row = await Demands.FindAsync(db, scope, query.Id, cancellationToken);
        return await Demands.RespondWholeAsync(db, row, organizations, clock.Today(), cancellationToken);
    }
}
