using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Members.Contracts;

/// <summary>
/// A member as the care fund sees them on a day: age and party standing (from conversion) counted to that day, or
/// to the death when it came before; no personal details (no ID number, phone or birth date).
/// <c>Category</c> is the member category by API name (InService, Retired, …); <c>Status</c> the register status
/// (Active, Deceased, …); <c>ReportedToCommunity</c> whether a 双报到 is current that day.
/// </summary>
public sealed record MemberForCare(
    Guid MemberId,
    string Name,
    Guid OrganizationId,
    string OrganizationPath,
    string Category,
    string Status,
    int Age,
    int? StandingYears,
    DateOnly? DiedOn,
    bool ReportedToCommunity
);

/// <summary>
/// The member register as the care fund reads it (holiday visit lists, helper pairings): who is old or has long
/// standing on a day, and one member's care-relevant facts. Everything is filtered by the scope given.
/// </summary>
public interface IMemberCareRegister
{
    /// <summary>The member as of the day, or null when unknown or outside the scope.</summary>
    Task<MemberForCare?> FindAsync(Guid memberId, DateOnly day, DataScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// Members on the register that day (active, or died after it) aged at least <paramref name="ageAtLeast"/>,
    /// or full members with at least <paramref name="standingYearsAtLeast"/> years of standing, by organization
    /// and name.
    /// </summary>
    Task<IReadOnlyList<MemberForCare>> OldOrLongStandingAsync(
        DateOnly day,
        int ageAtLeast,
        int standingYearsAtLeast,
        DataScope scope,
        CancellationToken cancellationToken
    );
}
