using System.Globalization;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Assistance.ListLedgerEntries;

internal static class ExportLedgerEntriesEndpoint
{
    private static readonly IReadOnlyList<ExportColumn<LedgerExportRow>> Columns =
    [
        new("日期", "Date", e => e.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("类型", "Kind", e => Labels.Text(e.Kind)),
        new("资金来源", "Source", e => e.Source is { } s ? Labels.Text(s) : null),
        new("用途", "Purpose", e => e.Purpose),
        new("金额（元）", "Amount (yuan)", e => Money.FromFen(e.Amount).Yuan),
        new("收款人", "Payee", e => e.PayeeName is null ? null : PersonalDataMask.Name(e.PayeeName)),
        new("支出类别", "Payment kind", e => e.PaymentKind is { } k ? Labels.Text(k) : null),
        new("凭证号", "Reference", e => e.Reference),
        new("原因", "Reason", e => e.Reason),
        new("记账人", "Recorded by", e => e.RecordedByName),
    ];

    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/funds/{id:guid}/entries/export",
                async Task<FileStreamHttpResult> (
                    Guid id,
                    [AsParameters] LedgerFilter filter,
                    string? sort,
                    SpreadsheetFormat? format,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                    ListExport.File(
                        await mediator.Send(new ExportLedgerEntriesQuery(id, filter, sort), cancellationToken),
                        Columns,
                        format ?? SpreadsheetFormat.Xlsx,
                        Localized.Text("帮扶资金明细账", "Fund ledger"),
                        "fund-ledger",
                        clock
                    )
            )
            .WithName("ExportLedgerEntries")
            .RequirePermission(Permissions.FundsRead)
            .WithSummary(
                "A fund's ledger as .xlsx or .csv (format=Xlsx|Csv), the list's filters (kind, source, from, to) and "
                    + "sort; payees' names masked (王*明)"
            )
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
