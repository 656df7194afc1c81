using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.ListApplicationDocuments;

/// <summary>An application's supporting documents (at most 20, so one page), oldest first, names masked.</summary>
internal sealed record ListApplicationDocumentsQuery(Guid ApplicationId)
    : IQuery<IReadOnlyList<ApplicationDocumentResponse>>;

internal sealed class ListApplicationDocumentsHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<ListApplicationDocumentsQuery, IReadOnlyList<ApplicationDocumentResponse>>
{
    public async ValueTask<IReadOnlyList<ApplicationDocumentResponse>> Handle(
        ListApplicationDocumentsQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var application = await Applications.FindAsync(db, scope, query.ApplicationId, cancellationToken);
        var rows = await ApplicationDocuments.ListAsync(db, application.Id, cancellationToken);
        return rows.Select(r => r.ToResponse()).ToList();
    }
}
