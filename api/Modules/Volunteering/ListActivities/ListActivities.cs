using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.ListActivities;

internal sealed record ListActivitiesQuery(
    Guid? OrganizationId,
    Guid? TeamId,
    DateOnly? From,
    DateOnly? To,
    PageRequest Page,
    string? Sort
) : IQuery<Paged<ActivityResponse>>;

internal sealed class ListActivitiesValidator : AbstractValidator<ListActivitiesQuery>
{
    public ListActivitiesValidator() => this.AddPagingRules(q => q.Page);
}

internal sealed class ListActivitiesHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    TimeProvider clock
) : IQueryHandler<ListActivitiesQuery, Paged<ActivityResponse>>
{
    private const string Filter = """
        FROM volunteer_activities a
        WHERE a.org_path >= @from AND a.org_path < @to
          AND (@teamId IS NULL OR a.team_id = @teamId)
          AND (@since IS NULL OR a.service_day >= @since)
          AND (@until IS NULL OR a.service_day <= @until)
        """;

    private const string CountSql = "SELECT COUNT(*) " + Filter;

    private const string PageSql = "SELECT " + Activities.Columns + "\n" + Filter + "\nORDER BY {orderBy}\n{page}";

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["startsAt"] = "a.starts_at",
        ["title"] = "a.title {collate-zh}",
        ["signedUp"] = "a.signed_up",
    };

    public async ValueTask<Paged<ActivityResponse>> Handle(
        ListActivitiesQuery query,
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
        var page = await db.QueryPageAsync<ActivityRow>(
            CountSql,
            PageSql,
            new
            {
                from = range.From,
                to = range.To,
                teamId = query.TeamId,
                since = query.From,
                until = query.To,
            },
            query.Page,
            SortOrder.Parse(query.Sort, SortColumns, "-startsAt", "a.id"),
            cancellationToken
        );
        var names = await organizations.NamesAsync(
            page.Items.Select(a => a.OrgId).Distinct().ToList(),
            cancellationToken
        );
        var now = clock.GetUtcNow();
        return page.Map(a => a.ToResponse(names, now));
    }
}
