using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Members.ValidateMemberImport;

/// <summary>Checks every row of a member spreadsheet for an organization's
/// subtree and reports (row, column, message); writes nothing.</summary>
internal sealed record ValidateMemberImportQuery(Guid OrganizationId, Stream File) : IQuery<ImportReport>;

internal sealed class ValidateMemberImportHandler(
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    MemberImportReader reader
) : IQueryHandler<ValidateMemberImportQuery, ImportReport>
{
    public async ValueTask<ImportReport> Handle(ValidateMemberImportQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var target =
            await organizations.FindWithinAsync(query.OrganizationId, scope, cancellationToken)
            ?? throw MemberErrors.OrganizationNotFound();
        return (await reader.ReadAsync(query.File, target, scope, "ValidateMemberImport", cancellationToken)).Report;
    }
}
