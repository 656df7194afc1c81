using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Members.Contracts;

/// <summary>An active party member as a volunteer team may list them: name and organization only.</summary>
public sealed record MemberAsVolunteer(Guid MemberId, string Name, Guid OrganizationId);

/// <summary>A member's 双报到 with a community (in service elsewhere, living there) overlapping a period.</summary>
public sealed record MemberCommunityReport(
    Guid MemberId,
    string Name,
    Guid MemberOrganizationId,
    Guid CommunityOrganizationId,
    DateOnly ReportedOn,
    DateOnly? EndedOn
);

/// <summary>
/// The member register as the Volunteering module may see it: party members who join a volunteer team, and the
/// 双报到 members of a community whose service hours are reported to their own unit each year.
/// </summary>
public interface IMemberVolunteers
{
    /// <summary>
    /// The active member, or null: when neither their organization nor a community they currently report to
    /// (双报到) is within the scope (a community enrols the in-service members who report to it).
    /// </summary>
    Task<MemberAsVolunteer?> FindAsync(Guid memberId, DataScope scope, CancellationToken cancellationToken);

    /// <summary>双报到 reports to communities within the scope that were current at some time in [from, to].</summary>
    Task<IReadOnlyList<MemberCommunityReport>> CommunityReportsAsync(
        DataScope scope,
        DateOnly from,
        DateOnly to,
        CancellationToken cancellationToken
    );
}
