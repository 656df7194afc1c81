using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Accounts.Domain;

/// <summary>
/// Nobody grants beyond their own: the permissions granted must all be the caller's, and the scope
/// organization must lie in the caller's subtree (the whole tree only from a whole-tree caller).
/// </summary>
internal sealed class Grants(CallerAccessor callers, CurrentScope scope, IOrganizationDirectory organizations)
{
    private readonly Dictionary<Guid, bool> _manageable = [];

    public void EnsurePermissions(IEnumerable<string> permissions)
    {
        var caller = callers.Current;
        if (permissions.Any(p => !caller.Has(p)))
        {
            throw AccountErrors.Escalation();
        }
    }

    public async Task EnsureScopeAsync(Guid? scopeOrganizationId, CancellationToken cancellationToken)
    {
        if (scopeOrganizationId is null)
        {
            if (!callers.Current.HasWholeTree)
            {
                throw AccountErrors.Escalation();
            }
            return;
        }
        if (
            await organizations.FindWithinAsync(
                scopeOrganizationId.Value,
                await scope.GetAsync(cancellationToken),
                cancellationToken
            )
            is null
        )
        {
            throw AccountErrors.ScopeOrganizationNotFound();
        }
    }

    /// <summary>
    /// Whether an account scoped to this organization is one the caller may see and manage; a dissolved scope
    /// organization still counts, so its accounts can be disabled or revoked.
    /// </summary>
    public async Task<bool> CanManageAsync(Guid? scopeOrganizationId, CancellationToken cancellationToken)
    {
        if (scopeOrganizationId is not { } organizationId)
        {
            return callers.Current.HasWholeTree;
        }
        // Lists ask once per account; accounts share few scope organizations, so each is looked up once per request.
        if (!_manageable.TryGetValue(organizationId, out var allowed))
        {
            _manageable[organizationId] = allowed = await organizations.ContainsAsync(
                organizationId,
                await scope.GetAsync(cancellationToken),
                cancellationToken
            );
        }
        return allowed;
    }
}
