using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Domain;
using Mediator;

namespace Jiceng.Modules.Organizations.ListRectifications;

internal sealed record RectificationListItem
{
    public Guid Id { get; init; }
    public Guid OrganizationId { get; init; }
    public string OrganizationName { get; init; } = "";
    public string ResponsiblePerson { get; init; } = "";
    public DateOnly FlaggedOn { get; init; }
    public DateOnly DueOn { get; init; }
    public RectificationStatus Status { get; init; }
    public DateOnly? ClosedOn { get; init; }
    public bool Overdue { get; init; }
    public int DaysOverdue { get; init; }
    public long Version { get; init; }
}

/// <summary>
/// Rectifications of an organization, or of its whole subtree; <c>overdueOnly</c> keeps the open ones past
/// their due date (the overdue list).
/// </summary>
internal sealed record ListRectificationsQuery(
    Guid OrganizationId,
    bool IncludeDescendants,
    RectificationStatus? Status,
    bool OverdueOnly,
    PageRequest Page,
    string? Sort
) : IQuery<Paged<RectificationListItem>>;

internal sealed class ListRectificationsValidator : AbstractValidator<ListRectificationsQuery>
{
    public ListRectificationsValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.Status).IsInEnum();
    }
}

internal sealed class ListRectificationsHandler(DbSession db, CurrentScope currentScope, TimeProvider clock)
    : IQueryHandler<ListRectificationsQuery, Paged<RectificationListItem>>
{
    private const string Filter = """
        FROM rectifications r
        JOIN organizations o ON o.id = r.org_id
        WHERE o.path >= @from AND o.path < @to
          AND (@status IS NULL OR r.status = @status)
          AND (@overdueOnly = @no OR (r.status = 'Open' AND r.due_on < @today))
        """;

    private const string CountSql = "SELECT COUNT(*) " + Filter;

    private const string PageSql =
        """
            SELECT r.id, r.org_id AS organization_id, o.name AS organization_name, r.responsible_person, r.flagged_on,
                r.due_on,
                   r.status, r.closed_on, r.version
            """
        + "\n"
        + Filter
        + "\nORDER BY {orderBy}\n{page}";

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["dueOn"] = "r.due_on",
        ["flaggedOn"] = "r.flagged_on",
        ["organizationName"] = "o.name {collate-zh}",
        ["status"] = "r.status",
    };

    public async ValueTask<Paged<RectificationListItem>> Handle(
        ListRectificationsQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var order = SortOrder.Parse(query.Sort, SortColumns, "dueOn", "r.id");
        var node = await OrganizationTree.FindAsync(db, scope, query.OrganizationId, cancellationToken);
        var today = clock.Today();
        var (from, to) =
            query.IncludeDescendants || query.OverdueOnly ? (node.Path, node.SubtreeEnd) : (node.Path, node.Path + "0");
        var page = await db.QueryPageAsync<RectificationListItem>(
            CountSql,
            PageSql,
            new
            {
                from,
                to,
                status = query.Status?.ToString(),
                overdueOnly = query.OverdueOnly,
                no = false,
                today,
            },
            query.Page,
            order,
            cancellationToken
        );
        return page.Map(item =>
            item with
            {
                Overdue = item.Status == RectificationStatus.Open && item.DueOn < today,
                DaysOverdue =
                    item.Status == RectificationStatus.Open && item.DueOn < today
                        ? today.DayNumber - item.DueOn.DayNumber
                        : 0,
            }
        );
    }
}
