using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Members.Contracts;

/// <summary>A member in hardship (困难党员) as the Assistance module may see them: no personal details.</summary>
public sealed record MemberInHardship(
    Guid MemberId,
    string Name,
    Guid OrganizationId,
    string Category,
    DateOnly Since,
    DateOnly? Until
);

/// <summary>The hardship register, for the care fund: who is in hardship on a day, within a scope.</summary>
public interface IMemberHardships
{
    /// <summary>The member's hardship on the day, or null (also when the member is outside the scope).</summary>
    Task<MemberInHardship?> OnAsync(Guid memberId, DateOnly day, DataScope scope, CancellationToken cancellationToken);

    /// <summary>Everyone on the register in hardship on the day within the scope, by organization and name (the care
    /// fund's ledger of the day).</summary>
    Task<IReadOnlyList<MemberInHardship>> OnDayAsync(
        DateOnly day,
        DataScope scope,
        CancellationToken cancellationToken
    );
}
