using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.ListVolunteers;

/// <summary>Volunteers of a subtree with their total hours and star level (hours and stars per volunteer).</summary>
internal sealed record ListVolunteersQuery(
    Guid? OrganizationId,
    Guid? TeamId,
    VolunteerKind? Kind,
    string? Q,
    PageRequest Page,
    string? Sort
) : IQuery<Paged<VolunteerResponse>>;

internal sealed class ListVolunteersValidator : AbstractValidator<ListVolunteersQuery>
{
    public ListVolunteersValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.Q).MaximumLength(50);
    }
}

internal sealed class ListVolunteersHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    VolunteeringRuleSets rules
) : IQueryHandler<ListVolunteersQuery, Paged<VolunteerResponse>>
{
    private const string Filter = """
        FROM volunteers v
        WHERE v.org_path >= @from AND v.org_path < @to
          AND (@kind IS NULL OR v.kind = @kind)
          AND (@pattern IS NULL OR v.name LIKE @pattern ESCAPE '\')
          AND (@teamId IS NULL OR EXISTS (SELECT 1 FROM volunteer_team_members m WHERE m.team_id = @teamId AND
            m.volunteer_id = v.id))
        """;

    private const string CountSql = "SELECT COUNT(*) " + Filter;

    private const string PageSql = "SELECT " + Volunteers.Columns + "\n" + Filter + "\nORDER BY {orderBy}\n{page}";

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["name"] = "v.name {collate-zh}",
        ["totalHours"] = Volunteers.HoursOf,
        ["createdAt"] = "v.created_at",
    };

    public async ValueTask<Paged<VolunteerResponse>> Handle(
        ListVolunteersQuery query,
        CancellationToken cancellationToken
    )
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
        var page = await db.QueryPageAsync<VolunteerRow>(
            CountSql,
            PageSql,
            new
            {
                from = range.From,
                to = range.To,
                kind = query.Kind?.ToString(),
                pattern = LikePattern.Contains(query.Q),
                teamId = query.TeamId,
            },
            query.Page,
            SortOrder.Parse(query.Sort, SortColumns, "-totalHours", "v.id"),
            cancellationToken
        );
        var orgIds = page.Items.Select(v => v.OrgId).Distinct().ToList();
        var names = await organizations.NamesAsync(orgIds, cancellationToken);
        var sections = await rules.ForAsync(orgIds, cancellationToken);
        return page.Map(v => v.ToResponse(names, sections[v.OrgId].Hours.StarThresholdHours));
    }
}
