using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.GetApplication;

/// <summary>An application with its recorded steps.</summary>
internal sealed record GetApplicationQuery(Guid Id) : IQuery<ApplicationResponse>;

internal sealed class GetApplicationHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<GetApplicationQuery, ApplicationResponse>
{
    public async ValueTask<ApplicationResponse> Handle(GetApplicationQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var row = await Applications.FindAsync(db, scope, query.Id, cancellationToken);
        return await Applications.RespondAsync(db, row, cancellationToken);
    }
}
