using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Members.Contracts;

/// <summary>
/// A member as the care fund needs them to decide who may be helped: where they belong, their age and party
/// standing (the old-member rule) and whether they are living. No personal details beyond these.
/// </summary>
public sealed record MemberCareProfile(
    Guid MemberId,
    string Name,
    Guid OrganizationId,
    string OrganizationPath,
    DateOnly BirthDate,
    DateOnly? JoinedOn,
    bool Living
);

/// <summary>Members for the care fund (Assistance), read within the caller's scope.</summary>
public interface IMemberCareProfiles
{
    /// <summary>The member, or null when unknown or outside the scope.</summary>
    Task<MemberCareProfile?> FindAsync(Guid memberId, DataScope scope, CancellationToken cancellationToken);
}
