using System.Globalization;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Assistance.ListHardshipLedger;

/// <summary>The ledger's filters, bound once for the list and its export.</summary>
internal sealed record HardshipLedgerFilter(
    [FromQuery(Name = "organizationId")] Guid? OrganizationId,
    [FromQuery(Name = "year")] int? Year,
    [FromQuery(Name = "recheckDueOnly")] bool? RecheckDueOnly,
    [FromQuery(Name = "currentOnly")] bool? CurrentOnly
)
{
    public ListHardshipLedgerQuery ToQuery(PageRequest page, string? sort) =>
        new(OrganizationId, Year, RecheckDueOnly ?? false, CurrentOnly ?? false, page, sort);
}

internal static class ListHardshipLedgerEndpoint
{
    private const string Parameters =
        "The dynamic ledger (动态台账): members in hardship at any time in the year (default this year) in the subtree "
        + "(organizationId; the caller's scope by default), each with the help received that year; recheckDueOnly, "
        + "currentOnly. Sort by name, since, recheckDueOn (- for descending).";

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly IReadOnlyList<ExportColumn<HardshipLedgerEntry>> Columns =
    [
        new("姓名", "Name", e => e.Name),
        new("困难类别", "Category", e => e.Category),
        new("登记日期", "Since", e => Day(e.Since)),
        new("解除日期", "Until", e => Day(e.Until)),
        new(
            "状态",
            "Status",
            e => e.Current ? Localized.Text("在册", "On the register") : Localized.Text("已解除", "Ended")
        ),
        new("最近复核", "Last recheck", e => Day(e.LastRecheckOn)),
        new("应复核日期", "Recheck due", e => Day(e.RecheckDueOn)),
        new("本年资金帮扶（元）", "Paid this year (yuan)", e => e.PaidInYear.ToString()),
        new("本年走访次数", "Visits this year", e => e.VisitsInYear.ToString(CultureInfo.InvariantCulture)),
        new("本年结对帮扶次数", "Pairing help this year", e => e.HelpsInYear.ToString(CultureInfo.InvariantCulture)),
    ];

    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/hardship-ledger",
                async Task<Ok<Paged<HardshipLedgerEntry>>> (
                    [AsParameters] HardshipLedgerFilter filter,
                    int? page,
                    int? pageSize,
                    string? sort,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(filter.ToQuery(PageRequest.From(page, pageSize), sort), cancellationToken)
                    )
            )
            .WithName("ListHardshipLedger")
            .RequirePermission(Permissions.FundsRead)
            .WithSummary(Parameters)
            .ProducesValidationProblem();

        group
            .MapGet(
                "/hardship-ledger/export",
                async Task<FileStreamHttpResult> (
                    [AsParameters] HardshipLedgerFilter filter,
                    string? sort,
                    SpreadsheetFormat? format,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                    ListExport.File(
                        await mediator.Send(filter.ToQuery(PageRequest.ForExport, sort), cancellationToken),
                        Columns,
                        format ?? SpreadsheetFormat.Xlsx,
                        Localized.Text("困难党员动态台账", "Hardship ledger"),
                        "hardship-ledger",
                        clock
                    )
            )
            .WithName("ExportHardshipLedger")
            .RequirePermission(Permissions.FundsRead)
            .WithSummary("The dynamic ledger as .xlsx or .csv (format=Xlsx|Csv): " + Parameters)
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem();
    }
}
