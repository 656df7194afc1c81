using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.ListTeams;

internal sealed record ListTeamsQuery(Guid? OrganizationId, string? Q, PageRequest Page, string? Sort)
    : IQuery<Paged<TeamResponse>>;

internal sealed class ListTeamsValidator : AbstractValidator<ListTeamsQuery>
{
    public ListTeamsValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.Q).MaximumLength(50);
    }
}

internal sealed class ListTeamsHandler(DbSession db, CurrentScope currentScope, IOrganizationDirectory organizations)
    : IQueryHandler<ListTeamsQuery, Paged<TeamResponse>>
{
    private const string Filter = """
        FROM volunteer_teams t
        WHERE t.org_path >= @from AND t.org_path < @to AND (@pattern IS NULL OR t.name LIKE @pattern ESCAPE '\')
        """;

    private const string CountSql = "SELECT COUNT(*) " + Filter;

    private const string PageSql = "SELECT " + Teams.Columns + "\n" + Filter + "\nORDER BY {orderBy}\n{page}";

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["name"] = "t.name {collate-zh}",
        ["memberCount"] = "t.member_count",
        ["createdAt"] = "t.created_at",
    };

    public async ValueTask<Paged<TeamResponse>> Handle(ListTeamsQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var range = scope;
        if (query.OrganizationId is { } organizationId)
        {
            var subtree =
                await organizations.SubtreeWithinAsync(organizationId, scope, cancellationToken)
                ?? throw VolunteeringErrors.OrganizationNotFound();
            range = new DataScope(subtree.PathFrom, subtree.PathTo);
        }
        var page = await db.QueryPageAsync<TeamRow>(
            CountSql,
            PageSql,
            new
            {
                from = range.From,
                to = range.To,
                pattern = LikePattern.Contains(query.Q),
            },
            query.Page,
            SortOrder.Parse(query.Sort, SortColumns, "name", "t.id"),
            cancellationToken
        );
        var names = await organizations.NamesAsync(
            page.Items.Select(t => t.OrgId).Distinct().ToList(),
            cancellationToken
        );
        return page.Map(t => t.ToResponse(names));
    }
}
