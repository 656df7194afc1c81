using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.GetRectification;

internal sealed record GetRectificationQuery(Guid OrganizationId, Guid Id) : IQuery<RectificationResponse>;

internal sealed class GetRectificationHandler(DbSession db, CurrentScope currentScope, TimeProvider clock)
    : IQueryHandler<GetRectificationQuery, RectificationResponse>
{
    public async ValueTask<RectificationResponse> Handle(
        GetRectificationQuery query,
        CancellationToken cancellationToken
    )
    {
        await OrganizationTree.FindAsync(
            db,
            await currentScope.GetAsync(cancellationToken),
            query.OrganizationId,
            cancellationToken
        );
        return await Rectifications.LoadAsync(db, query.OrganizationId, query.Id, clock.Today(), cancellationToken);
    }
}
