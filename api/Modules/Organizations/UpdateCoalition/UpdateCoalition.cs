using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.UpdateCoalition;

/// <summary>Replaces a coalition's name, description and member list.</summary>
internal sealed record UpdateCoalitionCommand(Guid Id, long ExpectedVersion, CoalitionFields Body)
    : ICommand<CoalitionResponse>;

internal sealed class UpdateCoalitionValidator : AbstractValidator<UpdateCoalitionCommand>
{
    public UpdateCoalitionValidator() => RuleFor(c => c.Body).SetValidator(new CoalitionFieldsValidator());
}

internal sealed class UpdateCoalitionHandler(
    DbSession db,
    CurrentScope currentScope,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<UpdateCoalitionCommand, CoalitionResponse>
{
    private const string UpdateSql = """
        UPDATE coalitions SET name = @name, description = @description, updated_at = @now, version = version + 1
        WHERE id = @id AND version = @expectedVersion
        """;

    private const string DeleteMembersSql = "DELETE FROM coalition_members WHERE coalition_id = @id";

    private const string CountMembersSql = "SELECT COUNT(*) FROM coalition_members WHERE coalition_id = @id";

    public async ValueTask<CoalitionResponse> Handle(
        UpdateCoalitionCommand command,
        CancellationToken cancellationToken
    )
    {
        var body = command.Body;
        var before = await Coalitions.LoadAsync(
            db,
            await currentScope.GetAsync(cancellationToken),
            command.Id,
            cancellationToken
        );
        // Replacing the member list would drop members the caller cannot see: only a caller who sees them all may.
        if (
            await db.ExecuteScalarAsync<long>(CountMembersSql, new { id = command.Id }, cancellationToken)
            != before.Members.Count
        )
        {
            throw OrganizationErrors.CoalitionBeyondScope();
        }
        audit.SetBefore(
            new CoalitionFields(before.Name, before.Description, before.Members.Select(m => m.Id).ToList())
        );
        await Coalitions.EnsureMembersExistAsync(
            db,
            await currentScope.GetAsync(cancellationToken),
            body.MemberOrganizationIds,
            cancellationToken
        );
        var updated = await db.ExecuteOrConflictAsync(
            UpdateSql,
            new
            {
                id = command.Id,
                expectedVersion = command.ExpectedVersion,
                name = body.Name.Trim(),
                description = body.Description,
                now = clock.GetUtcNow(),
            },
            () => OrganizationErrors.CoalitionNameTaken(body.Name.Trim()),
            cancellationToken
        );
        if (updated == 0)
        {
            throw new PreconditionFailedException();
        }
        await db.ExecuteAsync(DeleteMembersSql, new { id = command.Id }, cancellationToken);
        foreach (var orgId in body.MemberOrganizationIds)
        {
            await db.ExecuteAsync(
                Coalitions.InsertMemberSql,
                new { coalitionId = command.Id, orgId },
                cancellationToken
            );
        }
        return await Coalitions.LoadAsync(
            db,
            await currentScope.GetAsync(cancellationToken),
            command.Id,
            cancellationToken
        );
    }
}
