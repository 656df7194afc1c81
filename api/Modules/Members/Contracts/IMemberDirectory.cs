using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Members.Contracts;

/// <summary>A member on the active register as other modules may name them: no personal data.</summary>
public sealed record MemberReference(Guid MemberId, string Name, Guid OrganizationId);

/// <summary>Finds members on the active register within a scope (a helper, a claimant, a team member).</summary>
public interface IMemberDirectory
{
    /// <summary>The active member, or null when there is none or outside the scope (treat as not found).</summary>
    Task<MemberReference?> FindWithinAsync(Guid memberId, DataScope scope, CancellationToken cancellationToken);
}
