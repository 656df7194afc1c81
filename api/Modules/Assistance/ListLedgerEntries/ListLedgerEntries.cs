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
    private const string OfFund = "WHERE fund_id = @fundId";
    private const string ByKind = " AND kind = @kind";
    private const string BySource = " AND source = @source";
    private const string FromDay = " AND occurred_on >= @from";
    private const string ToDay = " AND occurred_on <= @to";
    private const string CountHead = "SELECT COUNT(*) FROM assistance_ledger_entries ";
    private const string PageHead = "SELECT " + LedgerEntries.Columns + " FROM assistance_ledger_entries ";
    internal const string PageTail = " ORDER BY {orderBy} {page}";

    /// <summary>
    /// The fund and only the filters asked for, each a constant: "@x IS NULL OR occurred_on >= @x" hides the date
    /// from SQLite's planner, and a month's page of a fund of a million entries then read all of them instead of
    /// the month's range of the ledger's page index.
    /// </summary>
    internal static string Where(LedgerFilter filter) =>
        OfFund
        + (filter.Kind is null ? "" : ByKind)
        + (filter.Source is null ? "" : BySource)
        + (filter.From is null ? "" : FromDay)
        + (filter.To is null ? "" : ToDay);

    internal static string CountSql(LedgerFilter filter) => CountHead + Where(filter);

    private static string PageSql(LedgerFilter filter) => PageHead + Where(filter) + PageTail;

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
            CountSql(query.Filter),
            PageSql(query.Filter),
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
