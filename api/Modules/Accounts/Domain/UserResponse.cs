namespace Jiceng.Modules.Accounts.Domain;

/// <summary>A user as administrators see it: never the password hash or security stamp.</summary>
internal sealed record UserResponse(
    Guid Id,
    string Username,
    string DisplayName,
    IReadOnlyList<Role> Roles,
    Guid? ScopeOrganizationId,
    bool Enabled,
    DateTimeOffset? LockedUntil,
    long Version
)
{
    public static UserResponse From(UserRow row) =>
        new(
            row.Id,
            row.Username,
            row.DisplayName,
            Domain.Roles.Parse(row.Roles),
            row.ScopeOrgId,
            row.Enabled,
            row.LockedUntil,
            row.Version
        );
}
