using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.ListVisits;

internal sealed record ListVisitsQuery(
    Guid ListId,
    VisitStatus? Status,
    VisitReason? Reason,
    PageRequest Page,
    string? Sort
) : IQuery<Paged<VisitResponse>>;

internal sealed class ListVisitsValidator : AbstractValidator<ListVisitsQuery>
{
    public ListVisitsValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Reason).IsInEnum();
    }
}

internal sealed class ListVisitsHandler(DbSession db, CurrentScope currentScope, TimeProvider clock)
    : IQueryHandler<ListVisitsQuery, Paged<VisitResponse>>
{
    private const string ListSql =
        "SELECT COUNT(*) FROM assistance_visit_lists WHERE id = @listId AND org_path >= @from AND org_path < @to";

    // Visits of the list inside the caller's scope (a district's list seen by one of its branches shows the branch's).
    private const string Filter = """
        WHERE v.list_id = @listId AND v.org_path >= @from AND v.org_path < @to
          AND (@status IS NULL OR v.status = @status) AND (@reason = 0 OR (v.reasons & @reason) <> 0)
        """;

    private const string CountSql =
        "SELECT COUNT(*) FROM assistance_visits v JOIN assistance_visit_lists l ON l.id = v.list_id " + Filter;

    private const string PageSql = Visits.Select + "\n" + Filter + "\nORDER BY {orderBy}\n{page}";

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["name"] = "v.name {collate-zh}",
        ["organization"] = "v.org_path",
        ["age"] = "v.age",
        ["visitedOn"] = "v.visited_on",
        ["status"] = "v.status",
    };

    public async ValueTask<Paged<VisitResponse>> Handle(ListVisitsQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var parameters = new
        {
            listId = query.ListId,
            from = scope.From,
            to = scope.To,
            status = query.Status?.ToString(),
            reason = (int)(query.Reason ?? VisitReason.None),
        };
        if (await db.ExecuteScalarAsync<long>(ListSql, parameters, cancellationToken) == 0)
        {
            // A branch sees its part of a higher organization's list, so the list itself may lie above its scope.
            if (
                await db.ExecuteScalarAsync<long>(
                    CountSql,
                    parameters with
                    {
                        status = (string?)null,
                        reason = 0,
                    },
                    cancellationToken
                ) == 0
            )
            {
                throw new NotFoundException("VisitList");
            }
        }
        var today = clock.Today();
        var page = await db.QueryPageAsync<VisitRow>(
            CountSql,
            PageSql,
            parameters,
            query.Page,
            SortOrder.Parse(query.Sort, SortColumns, "organization", "v.id"),
            cancellationToken
        );
        return page.Map(r => r.ToResponse(today));
    }
}
