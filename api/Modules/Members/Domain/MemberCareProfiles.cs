using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Contracts;

namespace Jiceng.Modules.Members.Domain;

/// <summary>The Contracts door to a member's standing, for the care fund.</summary>
internal sealed class MemberCareProfilesDirectory(DbSession db) : IMemberCareProfiles
{
    private const string FindSql = """
        SELECT id AS member_id, name, org_id AS organization_id, org_path AS organization_path, birth_date, joined_on,
            CASE WHEN status = 'Active' THEN 1 ELSE 0 END AS living
        FROM members
        WHERE id = @memberId AND org_path >= @from AND org_path < @to
        """;

    public async Task<MemberCareProfile?> FindAsync(Guid memberId, DataScope scope, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<Row>(
            FindSql,
            new
            {
                memberId,
                from = scope.From,
                to = scope.To,
            },
            cancellationToken
        );
        return row is null
            ? null
            : new(
                row.MemberId,
                row.Name,
                row.OrganizationId,
                row.OrganizationPath,
                row.BirthDate,
                row.JoinedOn,
                row.Living == 1
            );
    }

    private sealed record Row
    {
        public Guid MemberId { get; init; }
        public string Name { get; init; } = "";
        public Guid OrganizationId { get; init; }
        public string OrganizationPath { get; init; } = "";
        public DateOnly BirthDate { get; init; }
        public DateOnly? JoinedOn { get; init; }
        public long Living { get; init; }
    }
}
