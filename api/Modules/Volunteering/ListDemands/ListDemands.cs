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
    private const string Filter = """
        FROM volunteer_demands
        WHERE org_path >= @from AND org_path < @to
          AND (@state IS NULL OR state = @state)
          AND (@category IS NULL OR category = @category)
          AND (@orgId IS NULL OR org_id = @orgId)
          AND (@overdueBefore IS NULL OR due_on < @overdueBefore)
          AND (@claimantId IS NULL OR claimant_id = @claimantId)
        """;

    internal const string CountSql = "SELECT COUNT(*) " + Filter;

    internal const string PageSql = "SELECT " + Demands.Columns + "\n" + Filter + "\nORDER BY {orderBy}\n{page}";

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
        var page = await db.QueryPageAsync<DemandRow>(
            CountSql,
            PageSql,
            new
            {
                from,
                to,
                state = query.State?.ToString(),
                category = string.IsNullOrWhiteSpace(query.Category) ? null : query.Category.Trim(),
                orgId = onlyOrganization,
                overdueBefore = query.OverdueOnly ? today : (DateOnly?)null,
                claimantId = query.ClaimantId,
            },
            query.Page,
            SortOrder.Parse(query.Sort, SortColumns, query.OverdueOnly ? "dueOn" : "-submittedOn", "id"),
            cancellationToken
        );
        var items = await Demands.RespondAsync(page.Items, organizations, today, cancellationToken);
        return new Paged<DemandResponse>(items, page.Total, page.Page, page.PageSize);
    }
}
