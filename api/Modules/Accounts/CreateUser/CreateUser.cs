using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Modules.Accounts.Domain;
using Mediator;

namespace Jiceng.Modules.Accounts.CreateUser;

internal sealed record CreateUserRequest(
    string Username,
    string DisplayName,
    string Password,
    IReadOnlyList<Role> Roles,
    Guid? ScopeOrganizationId
);

internal sealed record CreateUserCommand(CreateUserRequest Body) : ICommand<UserResponse>;

internal sealed class CreateUserValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserValidator()
    {
        RuleFor(c => c.Body.Username).RequiredText().MaximumLength(50).Matches("^[A-Za-z0-9._-]+$");
        RuleFor(c => c.Body.DisplayName).RequiredText().MaximumLength(50);
        RuleFor(c => c.Body.Password)
            .Must((c, p) => PasswordPolicy.IsAcceptable(p, c.Body.Username))
            .WithMessage(c => PasswordPolicy.MessageFor(PasswordPolicy.Check(c.Body.Password, c.Body.Username)));
        RuleFor(c => c.Body.Roles).NotEmpty();
        RuleForEach(c => c.Body.Roles).IsInEnum();
    }
}

internal sealed class CreateUserHandler(DbSession db, Grants grants, TimeProvider clock)
    : ICommandHandler<CreateUserCommand, UserResponse>
{
    public async ValueTask<UserResponse> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        grants.EnsurePermissions(Roles.PermissionsOf(body.Roles));
        await grants.EnsureScopeAsync(body.ScopeOrganizationId, cancellationToken);
        var id = Guid.CreateVersion7();
        var username = Users.Normalize(body.Username);
        await db.ExecuteOrConflictAsync(
            Users.InsertSql,
            new
            {
                id,
                username,
                displayName = body.DisplayName.Trim(),
                passwordHash = Passwords.Hash(body.Password),
                roles = Roles.Store(body.Roles),
                scopeOrgId = body.ScopeOrganizationId,
                enabled = true,
                securityStamp = Users.NewSecurityStamp(),
                now = clock.GetUtcNow(),
            },
            () => AccountErrors.UsernameTaken(username),
            cancellationToken
        );
        return UserResponse.From(
            (await db.QuerySingleOrDefaultAsync<UserRow>(Users.FindByIdSql, new { id }, cancellationToken))!
        );
    }
}
