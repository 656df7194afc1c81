using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Accounts.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Accounts.GetCurrentUser;

internal sealed record GetCurrentUserQuery : IQuery<CurrentUserResponse>;

internal sealed record ScopeOrganization(Guid Id, string Name);

/// <summary>Who is signed in: user or API client, roles, permissions
/// and the organization whose subtree they see (null: all).</summary>
internal sealed record CurrentUserResponse(
    Guid Id,
    string Username,
    string DisplayName,
    CallerKind Kind,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Permissions,
    ScopeOrganization? Scope
);

internal sealed class GetCurrentUserHandler(CallerAccessor callers, DbSession db, IOrganizationDirectory organizations)
    : IQueryHandler<GetCurrentUserQuery, CurrentUserResponse>
{
    public async ValueTask<CurrentUserResponse> Handle(GetCurrentUserQuery query, CancellationToken cancellationToken)
    {
        var caller = callers.Current;
        var scope = caller.ScopeOrganizationId is { } scopeId
            ? await organizations.FindWithinAsync(scopeId, DataScope.WholeTree, cancellationToken) is { } org
                ? new ScopeOrganization(org.Id, org.Name)
                : null
            : null;
        var user =
            caller.Kind == CallerKind.User
                ? await db.QuerySingleOrDefaultAsync<UserRow>(
                    Users.FindByIdSql,
                    new { id = caller.Id },
                    cancellationToken
                )
                : null;
        return new CurrentUserResponse(
            caller.Id ?? Guid.Empty,
            caller.Name,
            user?.DisplayName ?? caller.Name,
            caller.Kind,
            user is null ? [] : Domain.Roles.Parse(user.Roles).Select(r => r.ToString()).ToList(),
            caller.Permissions.Order(StringComparer.Ordinal).ToList(),
            scope
        );
    }
}
