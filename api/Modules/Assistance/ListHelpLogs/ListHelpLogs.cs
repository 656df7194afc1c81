using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.ListHelpLogs;

internal sealed record ListHelpLogsQuery(Guid PairingId, PageRequest Page) : IQuery<Paged<HelpLogResponse>>;

internal sealed class ListHelpLogsValidator : AbstractValidator<ListHelpLogsQuery>
{
    public ListHelpLogsValidator() => this.AddPagingRules(q => q.Page);
}

internal sealed class ListHelpLogsHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<ListHelpLogsQuery, Paged<HelpLogResponse>>
{
    private const string PairingSql =
        "SELECT COUNT(*) FROM assistance_pairings WHERE id = @id AND org_path >= @from AND org_path < @to";

    private const string Filter = "FROM assistance_help_logs WHERE pairing_id = @id";

    private const string CountSql = "SELECT COUNT(*) " + Filter;

    private const string PageSql =
        "SELECT id, pairing_id, helped_on, what, recorded_by_name " + Filter + " ORDER BY {orderBy} {page}";

    private static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["helpedOn"] = "helped_on",
    };

    public async ValueTask<Paged<HelpLogResponse>> Handle(ListHelpLogsQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var parameters = new
        {
            id = query.PairingId,
            from = scope.From,
            to = scope.To,
        };
        if (await db.ExecuteScalarAsync<long>(PairingSql, parameters, cancellationToken) == 0)
        {
            throw new NotFoundException("Pairing");
        }
        var page = await db.QueryPageAsync<Row>(
            CountSql,
            PageSql,
            parameters,
            query.Page,
            SortOrder.Parse("-helpedOn", SortColumns, "-helpedOn", "id"),
            cancellationToken
        );
        return page.Map(r => new HelpLogResponse(r.Id, r.PairingId, r.HelpedOn, r.What, r.RecordedByName));
    }

    private sealed record Row
    {
        public Guid Id { get; init; }
        public Guid PairingId { get; init; }
        public DateOnly HelpedOn { get; init; }
        public string What { get; init; } = "";
        public string RecordedByName { get; init; } = "";
    }
}
