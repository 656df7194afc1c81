using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Assistance.ListLedgerEntries;

/// <summary>The ledger's filters, bound once for the list and its export.</summary>
internal sealed record LedgerFilter(
    [FromQuery(Name = "kind")] LedgerEntryKind? Kind,
    [FromQuery(Name = "source")] FundSource? Source,
    [FromQuery(Name = "from")] DateOnly? From,
    [FromQuery(Name = "to")] DateOnly? To
);

/// <summary>A fund's ledger, newest first, filtered by kind, source and dates.</summary>
internal sealed record ListLedgerEntriesQuery(Guid Id, LedgerFilter Filter, PageRequest Page, string? Sort = null)
    : IQuery<Paged<LedgerEntryResponse>>;

internal sealed class ListLedgerEntriesValidator : AbstractValidator<ListLedgerEntriesQuery>
{
    public ListLedgerEntriesValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.Filter.Kind).IsInEnum().Field("kind");
        RuleFor(q => q.Filter.Source).IsInEnum().Field("source");
    }
}

internal sealed class ListLedgerEntriesHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<ListLedgerEntriesQuery, Paged<LedgerEntryResponse>>
{
    internal const string Where = """
        WHERE fund_id = @fundId AND (@kind IS NULL OR kind = @kind) AND (@source IS NULL OR source = @source)
          AND (@from IS NULL OR occurred_on >= @from) AND (@to IS NULL OR occurred_on <= @to)
        """;

    internal const string CountSql = "SELECT COUNT(*) FROM assistance_ledger_entries " + Where;

    private const string PageSql =
        "SELECT " + LedgerEntries.Columns + " FROM assistance_ledger_entries " + Where + " ORDER BY {orderBy} {page}";

    internal static readonly IReadOnlyDictionary<string, string> SortColumns = new Dictionary<string, string>
    {
        ["occurredOn"] = "occurred_on",
        ["amount"] = "amount",
        ["createdAt"] = "created_at",
    };

    public async ValueTask<Paged<LedgerEntryResponse>> Handle(
        ListLedgerEntriesQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var fund = await Funds.FindAsync(db, scope, query.Id, cancellationToken);
        var order = SortOrder.Parse(query.Sort, SortColumns, "-occurredOn,-createdAt", "id");
        var page = await db.QueryPageAsync<LedgerEntryRow>(
            CountSql,
            PageSql,
            new
            {
                fundId = fund.Id,
                kind = query.Filter.Kind?.ToString(),
                source = query.Filter.Source?.ToString(),
                from = query.Filter.From,
                to = query.Filter.To,
            },
            query.Page,
            order,
            cancellationToken
        );
        return page.Map(row => row.ToResponse());
    }
}
