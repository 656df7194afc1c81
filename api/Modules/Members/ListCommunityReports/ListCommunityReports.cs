using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Members.ListCommunityReports;

/// <summary>
/// The members who reported to a community (its own staff see them whichever region they work in: the names
/// and their organizations only), current ones unless all are asked for.
/// </summary>
internal sealed record ListCommunityReportsQuery(
    Guid CommunityOrganizationId,
    bool IncludeEnded,
    PageRequest Page,
    string? Sort = null
) : IQuery<Paged<CommunityReport>>;

internal sealed class ListCommunityReportsValidator : AbstractValidator<ListCommunityReportsQuery>
{
    public ListCommunityReportsValidator() => this.AddPagingRules(q => q.Page);
}

internal sealed class ListCommunityReportsHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations
) : IQueryHandler<ListCommunityReportsQuery, Paged<CommunityReport>>
{
    private const string Filter = """
        FROM member_community_reports r JOIN members m ON m.id = r.member_id
        WHERE r.community_org_id = @communityId AND (@includeEnded = 1 OR r.ended_on IS NULL)
        """;

    private const string CountSql = "SELECT COUNT(*) " + Filter;

    private const string PageSql =
        """
            SELECT r.id, r.member_id, m.name AS member_name, m.org_id AS member_organization_id,
                r.community_org_id AS community_organization_id,
                   r.reported_on, r.ended_on
            """
        + "\n"
        + Filter
        + "\nORDER BY {orderBy}\n{page}";

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["reportedOn"] = "r.reported_on",
        ["memberName"] = "m.name {collate-zh}",
    };

    public async ValueTask<Paged<CommunityReport>> Handle(
        ListCommunityReportsQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var community =
            await organizations.FindWithinAsync(query.CommunityOrganizationId, scope, cancellationToken)
            ?? throw new NotFoundException("Organization");
        var page = await db.QueryPageAsync<Row>(
            CountSql,
            PageSql,
            new { communityId = community.Id, includeEnded = query.IncludeEnded ? 1 : 0 },
            query.Page,
            SortOrder.Parse(query.Sort, SortColumns, "-reportedOn", "r.id"),
            cancellationToken
        );
        var names = await organizations.NamesAsync(
            page.Items.Select(r => r.MemberOrganizationId).Distinct().ToList(),
            cancellationToken
        );
        return page.Map(r => new CommunityReport(
            r.Id,
            r.MemberId,
            r.MemberName,
            r.MemberOrganizationId,
            names.GetValueOrDefault(r.MemberOrganizationId, ""),
            community.Id,
            community.Name,
            r.ReportedOn,
            r.EndedOn
        ));
    }

    private sealed record Row
    {
        public Guid Id { get; init; }
        public Guid MemberId { get; init; }
        public string MemberName { get; init; } = "";
        public Guid MemberOrganizationId { get; init; }
        public Guid CommunityOrganizationId { get; init; }
        public DateOnly ReportedOn { get; init; }
        public DateOnly? EndedOn { get; init; }
    }
}
