using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.CreateCoalition;

internal sealed record CreateCoalitionCommand(CoalitionFields Body) : ICommand<CoalitionResponse>;

internal sealed class CreateCoalitionValidator : AbstractValidator<CreateCoalitionCommand>
{
    public CreateCoalitionValidator() => RuleFor(c => c.Body).SetValidator(new CoalitionFieldsValidator());
}

internal sealed class CreateCoalitionHandler(DbSession db, CurrentScope currentScope, TimeProvider clock)
    : ICommandHandler<CreateCoalitionCommand, CoalitionResponse>
{
    private const string InsertSql = """
        INSERT INTO coalitions (id, name, description, created_at, updated_at, version)
        VALUES (@id, @name, @description, @now, @now, 1)
        """;

    public async ValueTask<CoalitionResponse> Handle(
        CreateCoalitionCommand command,
        CancellationToken cancellationToken
    )
    {
        var body = command.Body;
        await Coalitions.EnsureMembersExistAsync(
            db,
            await currentScope.GetAsync(cancellationToken),
            body.MemberOrganizationIds,
            cancellationToken
        );
        var id = Guid.CreateVersion7();
        await db.ExecuteOrConflictAsync(
            InsertSql,
            new
            {
                id,
                name = body.Name.Trim(),
                description = body.Description,
                now = clock.GetUtcNow(),
            },
            () => OrganizationErrors.CoalitionNameTaken(body.Name.Trim()),
            cancellationToken
        );
        foreach (var orgId in body.MemberOrganizationIds)
        {
            await db.ExecuteAsync(Coalitions.InsertMemberSql, new { coalitionId = id, orgId }, cancellationToken);
        }
        return await Coalitions.LoadAsync(db, await currentScope.GetAsync(cancellationToken), id, cancellationToken);
    }
}
