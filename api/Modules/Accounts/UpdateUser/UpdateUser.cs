using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Accounts.Domain;
using Mediator;

namespace Jiceng.Modules.Accounts.UpdateUser;

internal sealed record UpdateUserRequest(
    string DisplayName,
    IReadOnlyList<Role> Roles,
    Guid? ScopeOrganizationId,
    bool Enabled
);

/// <summary>Changes a user's roles, scope or enabled state; disabling ends the user's sessions at once.</summary>
internal sealed record UpdateUserCommand(Guid UserId, long ExpectedVersion, UpdateUserRequest Body)
    : ICommand<UserResponse>;

internal sealed class UpdateUserValidator : AbstractValidator<UpdateUserCommand>
{
    public UpdateUserValidator()
    {
        RuleFor(c => c.Body.DisplayName).RequiredText().MaximumLength(50);
        RuleFor(c => c.Body.Roles).NotEmpty();
        RuleForEach(c => c.Body.Roles).IsInEnum();
    }
}

internal sealed class UpdateUserHandler(DbSession db, Grants grants, AuditTrail audit, TimeProvider clock)
    : ICommandHandler<UpdateUserCommand, UserResponse>
{
    // A new stamp on disable or role change ends existing sessions; the session check also refuses disabled users.
    private const string UpdateSql = """
        UPDATE users
        SET display_name = @displayName, roles = @roles, scope_org_id = @scopeOrgId, enabled = @enabled,
            security_stamp = @securityStamp, updated_at = @now, version = version + 1
        WHERE id = @id AND version = @expectedVersion
        """;

    public async ValueTask<UserResponse> Handle(UpdateUserCommand command, CancellationToken cancellationToken)
    {
        var user = await db.QuerySingleOrDefaultAsync<UserRow>(
            Users.FindByIdSql,
            new { id = command.UserId },
            cancellationToken
        );
        if (user is null || !await grants.CanManageAsync(user.ScopeOrgId, cancellationToken))
        {
            throw new NotFoundException("User");
        }
        var body = command.Body;
        // Neither the user as they are nor as they will be may hold more than the caller.
        grants.EnsurePermissions(Roles.PermissionsOf(Roles.Parse(user.Roles)));
        grants.EnsurePermissions(Roles.PermissionsOf(body.Roles));
        await grants.EnsureScopeAsync(body.ScopeOrganizationId, cancellationToken);
        audit.SetBefore(UserResponse.From(user));
        var endsSessions =
            !body.Enabled || Roles.Store(body.Roles) != user.Roles || body.ScopeOrganizationId != user.ScopeOrgId;
        var updated = await db.ExecuteAsync(
            UpdateSql,
            new
            {
                id = user.Id,
                expectedVersion = command.ExpectedVersion,
                displayName = body.DisplayName.Trim(),
                roles = Roles.Store(body.Roles),
                scopeOrgId = body.ScopeOrganizationId,
                enabled = body.Enabled,
                securityStamp = endsSessions ? Users.NewSecurityStamp() : user.SecurityStamp,
                now = clock.GetUtcNow(),
            },
            cancellationToken
        );
        return updated == 1
            ? UserResponse.From(
                (
                    await db.QuerySingleOrDefaultAsync<UserRow>(
                        Users.FindByIdSql,
                        new { id = user.Id },
                        cancellationToken
                    )
                )!
            )
            : throw new PreconditionFailedException();
    }
}
