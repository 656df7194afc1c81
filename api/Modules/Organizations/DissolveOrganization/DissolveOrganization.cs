using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.DissolveOrganization;

/// <summary>Soft removal: the organization stays in history with status Dissolved.</summary>
internal sealed record DissolveOrganizationCommand(Guid Id, long ExpectedVersion) : ICommand;

internal sealed class DissolveOrganizationHandler(
    DbSession db,
    CurrentScope currentScope,
    TimeProvider clock,
    IEnumerable<IOrganizationDissolutionGuard> guards
) : ICommandHandler<DissolveOrganizationCommand>
{
    private const string DissolveSql = """
        UPDATE organizations
        SET status = 'Dissolved', dissolved_on = @today, updated_at = @now, version = version + 1
        WHERE id = @id AND version = @expectedVersion AND status = 'Active'
          AND NOT EXISTS (SELECT 1 FROM organizations c WHERE c.parent_id = @id AND c.status = 'Active')
        """;

    private const string CountActiveChildrenSql =
        "SELECT COUNT(*) FROM organizations WHERE parent_id = @id AND status = 'Active'";

    public async ValueTask<Unit> Handle(DissolveOrganizationCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        await OrganizationTree.LockAsync(db, cancellationToken);
        // If-Match first: a stale copy is 412 even when what changed was the dissolution itself.
        var node = await OrganizationTree.FindAsync(db, scope, command.Id, cancellationToken);
        if (node.Version != command.ExpectedVersion)
        {
            throw new PreconditionFailedException();
        }
        if (node.Status != OrganizationStatus.Active)
        {
            throw OrganizationErrors.Dissolved(node.Name);
        }
        foreach (var guard in guards)
        {
            await guard.EnsureCanDissolveAsync(command.Id, cancellationToken);
        }
        var dissolved = await db.ExecuteAsync(
            DissolveSql,
            new
            {
                id = command.Id,
                expectedVersion = command.ExpectedVersion,
                today = clock.Today(),
                now = clock.GetUtcNow(),
            },
            cancellationToken
        );
        if (dissolved == 0)
        {
            var children = await db.ExecuteScalarAsync<int>(
                CountActiveChildrenSql,
                new { id = command.Id },
                cancellationToken
            );
            var reread = await OrganizationTree.FindAsync(db, scope, command.Id, cancellationToken);
            throw reread.Version != command.ExpectedVersion ? new PreconditionFailedException()
            : children > 0 ? OrganizationErrors.HasActiveChildren(children)
            : new InvalidOperationException("Dissolve matched no row.");
        }
        return Unit.Value;
    }
}
