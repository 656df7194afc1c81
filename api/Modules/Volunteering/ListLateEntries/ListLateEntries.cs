using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.ListLateEntries;

/// <summary>Late entries (补录) in the caller's subtree, by default those awaiting approval.</summary>
internal sealed record ListLateEntriesQuery(SessionState? State, PageRequest Page, string? Sort)
    : IQuery<Paged<SessionResponse>>;

internal sealed class ListLateEntriesValidator : AbstractValidator<ListLateEntriesQuery>
{
    public ListLateEntriesValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.State).IsInEnum();
    }
}

internal sealed class ListLateEntriesHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<ListLateEntriesQuery, Paged<SessionResponse>>
{
    private const string Filter =
        Sessions.From
        + """

            WHERE s.org_path >= @from AND s.org_path < @to AND s.late_reason IS NOT NULL AND s.state = @state
            """;

    private const string CountSql = "SELECT COUNT(*) " + Filter;

    private const string PageSql = "SELECT " + Sessions.Columns + "\n" + Filter + "\nORDER BY {orderBy}\n{page}";

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["startsAt"] = "s.starts_at",
        ["createdAt"] = "s.created_at",
        ["volunteerName"] = "v.name {collate-zh}",
    };

    public async ValueTask<Paged<SessionResponse>> Handle(
        ListLateEntriesQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var page = await db.QueryPageAsync<SessionRow>(
            CountSql,
            PageSql,
            new
            {
                from = scope.From,
                to = scope.To,
                state = (query.State ?? SessionState.PendingApproval).ToString(),
            },
            query.Page,
            SortOrder.Parse(query.Sort, SortColumns, "createdAt", "s.id"),
            cancellationToken
        );
        return page.Map(s => s.ToResponse());
    }
}
