using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.MoveOrganization;

internal sealed record MoveOrganizationRequest(Guid? NewParentId);

/// <summary>Moves a node and its whole subtree under another parent.</summary>
internal sealed record MoveOrganizationCommand(Guid Id, long ExpectedVersion, MoveOrganizationRequest Body)
    : ICommand<OrganizationResponse>;

internal sealed class MoveOrganizationValidator : AbstractValidator<MoveOrganizationCommand>
{
    public MoveOrganizationValidator() => RuleFor(c => c.Body.NewParentId).NotEmpty();
}

internal sealed class MoveOrganizationHandler(
    DbSession db,
    CurrentScope currentScope,
    TimeProvider clock,
    IEnumerable<IOrganizationSubtreeMoveListener> listeners
) : ICommandHandler<MoveOrganizationCommand, OrganizationResponse>
{
    private const string SubtreeMaxDepthSql = "SELECT MAX(depth) FROM organizations WHERE path >= @from AND path < @to";
    private const string NextChildSequenceSql =
        "UPDATE organizations SET child_seq = child_seq + 1 WHERE id = @parentId";
    private const string ReadChildSequenceSql = "SELECT child_seq FROM organizations WHERE id = @parentId";

    private const string ReparentSql = """
        UPDATE organizations
        SET parent_id = @parentId, updated_at = @now, version = version + 1
        WHERE id = @id AND version = @expectedVersion AND status = 'Active'
        """;

    // One statement rewrites the path prefix, depth and region of the whole subtree.
    private const string RewriteSubtreeSql = """
        UPDATE organizations
        SET path = @newPath {cat} {substr}(path, @cut, 200),
            depth = depth + @depthDelta,
            region_root_id = @regionRootId,
            updated_at = @now,
            version = version + 1
        WHERE path >= @from AND path < @to
        """;

    private const string MoveGradingsRegionSql = """
        UPDATE gradings SET region_root_id = @regionRootId
        WHERE org_id IN (SELECT id FROM organizations WHERE path >= @newFrom AND path < @newTo)
        """;

    private const string MoveRectificationsRegionSql = """
        UPDATE rectifications SET region_root_id = @regionRootId
        WHERE org_id IN (SELECT id FROM organizations WHERE path >= @newFrom AND path < @newTo)
        """;

    private const string MovePairingsRegionSql = """
        UPDATE pairings SET region_root_id = @regionRootId
        WHERE org_id IN (SELECT id FROM organizations WHERE path >= @newFrom AND path < @newTo)
        """;

    public async ValueTask<OrganizationResponse> Handle(
        MoveOrganizationCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        await OrganizationTree.LockAsync(db, cancellationToken);
        var node = await OrganizationTree.FindActiveAsync(db, scope, command.Id, cancellationToken);
        if (node.Version != command.ExpectedVersion)
        {
            throw new PreconditionFailedException();
        }
        var parent = await OrganizationReferences.FindActiveAsync(
            db,
            scope,
            command.Body.NewParentId!.Value,
            "newParentId",
            cancellationToken
        );
        if (TreePath.IsWithin(parent.Path, node.Path))
        {
            throw OrganizationErrors.MoveCreatesCycle();
        }
        var deepest = await db.ExecuteScalarAsync<int>(
            SubtreeMaxDepthSql,
            new { from = node.Path, to = node.SubtreeEnd },
            cancellationToken
        );
        if (deepest - node.Depth + parent.Depth + 1 > TreePath.MaxDepth)
        {
            throw OrganizationErrors.TooDeep();
        }

        await db.ExecuteAsync(NextChildSequenceSql, new { parentId = parent.Id }, cancellationToken);
        var sequence = await db.ExecuteScalarAsync<long>(
            ReadChildSequenceSql,
            new { parentId = parent.Id },
            cancellationToken
        );
        var newPath = parent.Path + TreePath.Segment(sequence);
        var now = clock.GetUtcNow();

        var reparented = await db.ExecuteAsync(
            ReparentSql,
            new
            {
                id = node.Id,
                parentId = parent.Id,
                expectedVersion = command.ExpectedVersion,
                now,
            },
            cancellationToken
        );
        if (reparented == 0)
        {
            throw new PreconditionFailedException();
        }
        await db.ExecuteAsync(
            RewriteSubtreeSql,
            new
            {
                newPath,
                cut = node.Path.Length + 1,
                depthDelta = parent.Depth + 1 - node.Depth,
                regionRootId = parent.RegionRootId,
                now,
                from = node.Path,
                to = node.SubtreeEnd,
            },
            cancellationToken
        );
        var move = new SubtreeMove(node.Path, node.SubtreeEnd, newPath, parent.RegionRootId);
        foreach (var listener in listeners)
        {
            await listener.OnSubtreeMovedAsync(move, cancellationToken);
        }
        if (parent.RegionRootId != node.RegionRootId)
        {
            var region = new
            {
                regionRootId = parent.RegionRootId,
                newFrom = newPath,
                newTo = TreePath.SubtreeEnd(newPath),
            };
            await db.ExecuteAsync(MoveGradingsRegionSql, region, cancellationToken);
            await db.ExecuteAsync(MoveRectificationsRegionSql, region, cancellationToken);
            await db.ExecuteAsync(MovePairingsRegionSql, region, cancellationToken);
        }
        return await OrganizationDetails.LoadAsync(db, scope, node.Id, cancellationToken);
    }
}
