using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.CreateOrganization;

/// <summary>A new organization; without <c>parentId</c> it starts a new top-level region.</summary>
internal sealed record CreateOrganizationCommand(
    Guid? ParentId,
    string Name,
    string? ShortName,
    OrganizationKind? Kind,
    OrganizationField? Field,
    string? SecretaryName,
    DateOnly? EstablishedOn,
    DateOnly? TermStartedOn,
    string? Description,
    bool? HasCommittee = null
) : ICommand<OrganizationResponse>;

internal sealed class CreateOrganizationValidator : AbstractValidator<CreateOrganizationCommand>
{
    public CreateOrganizationValidator()
    {
        RuleFor(c => c.Name).RequiredText().MaximumLength(100);
        RuleFor(c => c.ShortName).MaximumLength(50);
        RuleFor(c => c.Kind).NotNull().IsInEnum();
        RuleFor(c => c.Field).NotNull().IsInEnum();
        RuleFor(c => c.SecretaryName).MaximumLength(50);
        RuleFor(c => c.Description).MaximumLength(500);
        RuleFor(c => c.TermStartedOn)
            .GreaterThanOrEqualTo(c => c.EstablishedOn!.Value)
            .When(c => c.TermStartedOn is not null && c.EstablishedOn is not null);
    }
}

internal sealed class CreateOrganizationHandler(DbSession db, CurrentScope currentScope, TimeProvider clock)
    : ICommandHandler<CreateOrganizationCommand, OrganizationResponse>
{
    private const string NextRootSequenceSql = "UPDATE org_tree_state SET root_seq = root_seq + 1 WHERE id = 1";
    private const string ReadRootSequenceSql = "SELECT root_seq FROM org_tree_state WHERE id = 1";
    private const string NextChildSequenceSql =
        "UPDATE organizations SET child_seq = child_seq + 1 WHERE id = @parentId";
    private const string ReadChildSequenceSql = "SELECT child_seq FROM organizations WHERE id = @parentId";

    private const string InsertSql = """
        INSERT INTO organizations (id, parent_id, path, depth, child_seq, region_root_id, name, short_name, kind, field,
                                   secretary_name, established_on, term_started_on, description, has_committee, status,
                                   dissolved_on, created_at, updated_at, version)
        VALUES (@id, @parentId, @path, @depth, 0, @regionRootId, @name, @shortName, @kind, @field,
                @secretaryName, @establishedOn, @termStartedOn, @description, @hasCommittee, 'Active', NULL,
                @now, @now, 1)
        """;

    public async ValueTask<OrganizationResponse> Handle(
        CreateOrganizationCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        await OrganizationTree.LockAsync(db, cancellationToken);
        var id = Guid.CreateVersion7();
        string path;
        int depth;
        Guid regionRootId;
        if (command.ParentId is { } parentId)
        {
            var parent = await OrganizationReferences.FindActiveAsync(
                db,
                scope,
                parentId,
                "parentId",
                cancellationToken
            );
            if (parent.Depth >= TreePath.MaxDepth)
            {
                throw OrganizationErrors.TooDeep();
            }
            // Safe as two statements: the tree lock above serializes every path-changing write.
            await db.ExecuteAsync(NextChildSequenceSql, new { parentId }, cancellationToken);
            var sequence = await db.ExecuteScalarAsync<long>(ReadChildSequenceSql, new { parentId }, cancellationToken);
            path = parent.Path + TreePath.Segment(sequence);
            depth = parent.Depth + 1;
            regionRootId = parent.RegionRootId;
        }
        else
        {
            // A new region lies above every scope but the whole tree's.
            if (scope != DataScope.WholeTree)
            {
                throw new ValidationException([
                    new FluentValidation.Results.ValidationFailure(
                        "parentId",
                        Jiceng.Infrastructure.Localized.Text("请选择上级党组织。", "Choose the parent organization.")
                    ),
                ]);
            }
            await db.ExecuteAsync(NextRootSequenceSql, null, cancellationToken);
            var sequence = await db.ExecuteScalarAsync<long>(ReadRootSequenceSql, null, cancellationToken);
            path = TreePath.Segment(sequence);
            depth = 0;
            regionRootId = id;
        }

        await db.ExecuteAsync(
            InsertSql,
            new
            {
                id,
                parentId = command.ParentId,
                path,
                depth,
                regionRootId,
                name = command.Name.Trim(),
                shortName = command.ShortName?.Trim(),
                kind = command.Kind!.Value.ToString(),
                field = command.Field!.Value.ToString(),
                secretaryName = command.SecretaryName?.Trim(),
                establishedOn = command.EstablishedOn,
                termStartedOn = command.TermStartedOn,
                description = command.Description,
                hasCommittee = command.HasCommittee ?? false,
                now = clock.GetUtcNow(),
            },
            cancellationToken
        );
        return await OrganizationDetails.LoadAsync(db, scope, id, cancellationToken);
    }
}
