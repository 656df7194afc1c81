namespace Jiceng.Modules.Members.Domain;

/// <summary>A member's 双报到 with a community, as recorded and as listed.</summary>
internal sealed record CommunityReport(
    Guid Id,
    Guid MemberId,
    string MemberName,
    Guid MemberOrganizationId,
    string MemberOrganizationName,
    Guid CommunityOrganizationId,
    string CommunityName,
    DateOnly ReportedOn,
    DateOnly? EndedOn
);
