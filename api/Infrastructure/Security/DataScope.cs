namespace Jiceng.Infrastructure.Security;

/// <summary>
/// The part of the organization tree a caller may see, as a path range [From, To). Every read and write
/// of organization-owned data filters by it in SQL; anything outside is a 404.
/// </summary>
public sealed record DataScope(string From, string To)
{
    public static readonly DataScope WholeTree = new("", "~");

    /// <summary>Sees nothing: anonymous callers, or a scope organization that no longer exists.</summary>
    public static readonly DataScope Nothing = new("~", "~");

    public bool Contains(string path) => string.CompareOrdinal(path, From) >= 0 && string.CompareOrdinal(path, To) < 0;
}

/// <summary>Turns a scope organization into its path range; implemented by the Organizations module.</summary>
public interface IDataScopeResolver
{
    Task<DataScope> ResolveAsync(Database.DbSession session, Guid organizationId, CancellationToken cancellationToken);

    /// <summary>
    /// The current path of an organization, for audit rows; null when unknown. Read through the caller's
    /// session so an organization created in the same transaction is found.
    /// </summary>
    Task<string?> PathOfAsync(Database.DbSession session, Guid organizationId, CancellationToken cancellationToken);
}

/// <summary>The current caller's data scope, resolved once per request scope (deny by default).</summary>
public sealed class CurrentScope(CallerAccessor callers, IDataScopeResolver resolver, Database.DbSession session)
{
    private DataScope? _scope;

    public async ValueTask<DataScope> GetAsync(CancellationToken cancellationToken)
    {
        if (_scope is not null)
        {
            return _scope;
        }
        var caller = callers.Current;
        _scope = caller.Kind switch
        {
            CallerKind.Anonymous => DataScope.Nothing,
            _ when caller.ScopeOrganizationId is null => DataScope.WholeTree,
            _ => await resolver.ResolveAsync(session, caller.ScopeOrganizationId.Value, cancellationToken),
        };
        return _scope;
    }
}
