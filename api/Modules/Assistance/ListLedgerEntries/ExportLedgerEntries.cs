using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.ListLedgerEntries;

/// <summary>A fund's ledger as a file: the list's filters and sort, each payment with its payee's name.</summary>
internal sealed record ExportLedgerEntriesQuery(Guid Id, LedgerFilter Filter, string? Sort = null)
    : IQuery<Paged<LedgerExportRow>>;

/// <summary>One exported entry with the payee's name (masked by the file's column).</summary>
internal sealed record LedgerExportRow
{
    public DateOnly OccurredOn { get; init; }
    public LedgerEntryKind Kind { get; init; }
    public FundSource? Source { get; init; }
    public string? Purpose { get; init; }
    public long Amount { get; init; }
    public string? PayeeName { get; init; }
    public PaymentKind? PaymentKind { get; init; }
    public string? Reference { get; init; }
    public string? Reason { get; init; }
    public string RecordedByName { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class ExportLedgerEntriesValidator : AbstractValidator<ExportLedgerEntriesQuery>
{
    public ExportLedgerEntriesValidator()
    {
        RuleFor(q => q.Filter.Kind).IsInEnum().Field("kind");
        RuleFor(q => q.Filter.Source).IsInEnum().Field("source");
    }
}

internal sealed class ExportLedgerEntriesHandler(DbSession db, CurrentScope currentScope)
    : IQueryHandler<ExportLedgerEntriesQuery, Paged<LedgerExportRow>>
{
    private const string PageHead =
        "SELECT occurred_on, kind, source, purpose, amount, payment_kind, reference, reason, recorded_by_name, "
        + "created_at, "
        + Publication.PayeeNameColumn
        + " AS payee_name FROM assistance_ledger_entries ";

    private static string PageSql(LedgerFilter filter) =>
        PageHead + ListLedgerEntriesHandler.Where(filter) + ListLedgerEntriesHandler.PageTail;

    public async ValueTask<Paged<LedgerExportRow>> Handle(
        ExportLedgerEntriesQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var fund = await Funds.FindAsync(db, scope, query.Id, cancellationToken);
        var order = SortOrder.Parse(query.Sort, ListLedgerEntriesHandler.SortColumns, "-occurredOn,-createdAt", "id");
        return await db.QueryPageAsync<LedgerExportRow>(
            ListLedgerEntriesHandler.CountSql(query.Filter),
            PageSql(query.Filter),
            new
            {
                fundId = fund.Id,
                kind = query.Filter.Kind?.ToString(),
                source = query.Filter.Source?.ToString(),
                from = query.Filter.From,
                to = query.Filter.To,
            },
            PageRequest.ForExport,
            order,
            cancellationToken
        );
    }
}
