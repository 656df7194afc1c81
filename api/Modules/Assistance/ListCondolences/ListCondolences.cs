using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.ListCondolences;

internal sealed record ListCondolencesQuery(CondolenceStatus? Status, PageRequest Page, string? Sort)
    : IQuery<Paged<CondolenceResponse>>;

internal sealed class ListCondolencesValidator : AbstractValidator<ListCondolencesQuery>
{
    public ListCondolencesValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.Status).IsInEnum();
    }
}

internal sealed class ListCondolencesHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<ListCondolencesQuery, Paged<CondolenceResponse>>
{
    private const string Filter = """
        FROM assistance_condolences
        WHERE org_path >= @from AND org_path < @to AND (@status IS NULL OR status = @status)
        """;

    private const string CountSql = "SELECT COUNT(*) " + Filter;

    private const string PageSql = "SELECT " + Condolences.Columns + "\n" + Filter + "\nORDER BY {orderBy}\n{page}";

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["diedOn"] = "died_on",
        ["name"] = "name {collate-zh}",
        ["status"] = "status",
    };

    public async ValueTask<Paged<CondolenceResponse>> Handle(
        ListCondolencesQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var page = await db.QueryPageAsync<CondolenceRow>(
            CountSql,
            PageSql,
            new
            {
                from = scope.From,
                to = scope.To,
                status = query.Status?.ToString(),
            },
            query.Page,
            SortOrder.Parse(query.Sort, SortColumns, "-diedOn", "id"),
            cancellationToken
        );
        return page.Map(r => r.ToResponse());
    }
}
