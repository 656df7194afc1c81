using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.GetRectification;

internal sealed record GetRectificationQuery(Guid OrganizationId, Guid Id) : IQuery<RectificationResponse>;

internal sealed class GetRectificationHandler(DbSession db, TimeProvider clock) : IQueryHandler<GetRectificationQuery, RectificationResponse>
{
    public async ValueTask<RectificationResponse> Handle(GetRectificationQuery query, CancellationToken cancellationToken) =>
        await Rectifications.LoadAsync(db, query.OrganizationId, query.Id, clock.Today(), cancellationToken);
}
