using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Contracts;

namespace Jiceng.Modules.Members.Domain;

/// <summary>The Contracts door for volunteer teams and the 双报到 hours report.</summary>
internal sealed class MemberVolunteersDirectory(DbSession db, TimeProvider clock) : IMemberVolunteers
{
    private const string FindSql = """
        SELECT m.id AS member_id, m.name, m.org_id FROM members m
        WHERE m.id = @memberId AND m.status = 'Active'
          AND ((m.org_path >= @from AND m.org_path < @to)
            OR EXISTS (SELECT 1 FROM member_community_reports r WHERE r.member_id = m.id AND r.community_org_path >=
                @from AND r.community_org_path < @to AND r.reported_on <= @today AND (r.ended_on IS NULL OR
                r.ended_on >= @today)))
        """;

    private const string ReportsSql = """
        SELECT r.member_id, m.name, m.org_id AS member_organization_id,
            r.community_org_id AS community_organization_id, r.reported_on, r.ended_on
        FROM member_community_reports r JOIN members m ON m.id = r.member_id
        WHERE r.community_org_path >= @from AND r.community_org_path < @to AND r.reported_on <= @until
          AND (r.ended_on IS NULL OR r.ended_on >= @since)
        ORDER BY r.community_org_path, m.name {collate-zh}, r.id
        """;

    public async Task<MemberAsVolunteer?> FindAsync(
        Guid memberId,
        DataScope scope,
        CancellationToken cancellationToken
    ) =>
        (
            await db.QuerySingleOrDefaultAsync<FoundRow>(
                FindSql,
                new
                {
                    memberId,
                    from = scope.From,
                    to = scope.To,
                    today = clock.Today(),
                },
                cancellationToken
            )
        )
            is { } row
            ? new MemberAsVolunteer(row.MemberId, row.Name, row.OrgId)
            : null;

    public async Task<IReadOnlyList<MemberCommunityReport>> CommunityReportsAsync(
        DataScope scope,
        DateOnly from,
        DateOnly to,
        CancellationToken cancellationToken
    ) => (
            await db.QueryAsync<ReportRow>(
                ReportsSql,
                new
                {
                    from = scope.From,
                    to = scope.To,
                    since = from,
                    until = to,
                },
                cancellationToken
            )
        ).Select(ToReport).ToList();

    private static MemberCommunityReport ToReport(ReportRow r) =>
        new(r.MemberId, r.Name, r.MemberOrganizationId, r.CommunityOrganizationId, r.ReportedOn, r.EndedOn);

    private sealed record FoundRow
    {
        public Guid MemberId { get; init; }
        public string Name { get; init; } = "";
        public Guid OrgId { get; init; }
    }

    private sealed record ReportRow
    {
        public Guid MemberId { get; init; }
        public string Name { get; init; } = "";
        public Guid MemberOrganizationId { get; init; }
        public Guid CommunityOrganizationId { get; init; }
        public DateOnly ReportedOn { get; init; }
        public DateOnly? EndedOn { get; init; }
    }
}
