using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.ListDemands;

/// <summary>
/// Demands by state, category, community (with or without its descendants), overdue, claimant; paged and sorted.
/// Overdue is "late at the step it waits for": accept, dispatch or claim, or the wished-for date.
/// </summary>
internal sealed record ListDemandsQuery(
    DemandState? State,
    string? Category,
    Guid? OrganizationId,
    bool IncludeDescendants,
    bool OverdueOnly,
    Guid? ClaimantId,
    PageRequest Page,
    string? Sort
) : IQuery<Paged<DemandResponse>>;

internal sealed class ListDemandsValidator : AbstractValidator<ListDemandsQuery>
{
    public ListDemandsValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.State).IsInEnum();
        RuleFor(q => q.Category).MaximumLength(20);
    }
}

internal sealed class ListDemandsHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    TimeProvider clock
) : IQueryHandler<ListDemandsQuery, Paged<DemandResponse>>
{
    /// <summary>
    /// The subtree and only the filters asked for. A filter written as "@x IS NULL OR column = @x" hides the column
    /// from the planner: SQLite then read the whole city for the root's overdue list instead of its due-date index.
    /// </summary>
    internal static string Filter(DemandListFilter filter) =>
        "FROM volunteer_demands\nWHERE org_path >= @from AND org_path < @to"
        + (filter.State is null ? "" : "\n  AND state = @state")
        + (filter.Category is null ? "" : "\n  AND category = @category")
        + (filter.OrgId is null ? "" : "\n  AND org_id = @orgId")
        + (filter.OverdueBefore is null ? "" : "\n  AND due_on < @overdueBefore")
        + (filter.ClaimantId is null ? "" : "\n  AND claimant_id = @claimantId");

    internal static string CountSql(DemandListFilter filter) => "SELECT COUNT(*) " + Filter(filter);

    internal static string PageSql(DemandListFilter filter) =>
        "SELECT " + Demands.Columns + "\n" + Filter(filter) + "\nORDER BY {orderBy}\n{page}";

    internal static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["submittedOn"] = "created_at",
        ["dueOn"] = "due_on",
        ["wishedOn"] = "wished_on",
        ["urgency"] = "urgency",
        ["state"] = "state",
        ["category"] = "category {collate-zh}",
    };

    public async ValueTask<Paged<DemandResponse>> Handle(ListDemandsQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var (from, to) = (scope.From, scope.To);
        Guid? onlyOrganization = null;
        if (query.OrganizationId is { } organizationId)
        {
            var subtree =
                await organizations.SubtreeWithinAsync(organizationId, scope, cancellationToken)
                ?? throw VolunteeringErrors.OrganizationNotFound();
            (from, to) = (subtree.PathFrom, subtree.PathTo);
            onlyOrganization = query.IncludeDescendants ? null : organizationId;
        }
        var today = clock.Today();
        var filter = new DemandListFilter(
            from,
            to,
            query.State?.ToString(),
            string.IsNullOrWhiteSpace(query.Category) ? null : query.Category.Trim(),
            onlyOrganization,
            query.OverdueOnly ? today : null,
            query.ClaimantId
        );
        var page = await db.QueryPageAsync<DemandRow>(
            CountSql(filter),
            PageSql(filter),
            filter.Parameters(),
            query.Page,
            SortOrder.Parse(query.Sort, SortColumns, query.OverdueOnly ? "dueOn" : "-submittedOn", "id"),
            cancellationToken
        );
        var items = await Demands.RespondAsync(page.Items, organizations, today, cancellationToken);
        return new Paged<DemandResponse>(items, page.Total, page.Page, page.PageSize);
    }
}

/// <summary>The list's filters; a null one is left out of the WHERE clause.</summary>
internal sealed record DemandListFilter(
    string From,
    string To,
    string? State,
    string? Category,
    Guid? OrgId,
    DateOnly? OverdueBefore,
    Guid? ClaimantId
)
{
    /// <summary>The parameters as the SQL names them.</summary>
    public object Parameters() =>
        new
        {
            from = From,
            to = To,
            state = State,
            category = Category,
            orgId = OrgId,
            overdueBefore = OverdueBefore,
            claimantId = ClaimantId,
        };
}
