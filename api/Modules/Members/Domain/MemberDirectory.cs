using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Contracts;

namespace Jiceng.Modules.Members.Domain;

internal sealed class MemberDirectory(DbSession db) : IMemberDirectory
{
    private const string FindSql = """
        SELECT id AS member_id, name, org_id AS organization_id
        FROM members
        WHERE id = @memberId AND status = 'Active' AND org_path >= @from AND org_path < @to
        """;

    public async Task<MemberReference?> FindWithinAsync(
        Guid memberId,
        DataScope scope,
        CancellationToken cancellationToken
    ) => (
            await db.QueryAsync<Row>(
                FindSql,
                new
                {
                    memberId,
                    from = scope.From,
                    to = scope.To,
                },
                cancellationToken
            )
        ).Select(r => new MemberReference(r.MemberId, r.Name, r.OrganizationId)).FirstOrDefault();

    private sealed record Row
    {
        public Guid MemberId { get; init; }
        public string Name { get; init; } = "";
        public Guid OrganizationId { get; init; }
    }
}
