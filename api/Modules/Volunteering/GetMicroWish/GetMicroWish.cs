using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.GetMicroWish;

internal sealed record GetMicroWishQuery(Guid Id) : IQuery<MicroWishResponse>;

internal sealed class GetMicroWishHandler(DbSession db, CurrentScope currentScope, IOrganizationDirectory organizations)
    : IQueryHandler<GetMicroWishQuery, MicroWishResponse>
{
    public async ValueTask<MicroWishResponse> Handle(GetMicroWishQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var wish = await MicroWishes.FindAsync(db, scope, query.Id, cancellationToken);
        return await MicroWishes.RespondAsync(wish, organizations, cancellationToken);
    }
}
