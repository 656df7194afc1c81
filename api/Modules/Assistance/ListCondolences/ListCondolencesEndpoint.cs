using System.Globalization;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Assistance.ListCondolences;

/// <summary>The list's filters, bound once for the list and its export.</summary>
internal sealed record CondolenceFilter([FromQuery(Name = "status")] CondolenceStatus? Status)
{
    public ListCondolencesQuery ToQuery(PageRequest page, string? sort) => new(Status, page, sort);
}

internal static class ListCondolencesEndpoint
{
    private const string Parameters =
        "Condolence payments proposed on a member's death: filter by status (Proposed, Paid, Declined); sort by "
        + "diedOn, name, status.";

    private static readonly IReadOnlyList<ExportColumn<CondolenceResponse>> Columns =
    [
        new("姓名", "Name", c => c.Name),
        new("去世日期", "Died on", c => c.DiedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("金额（元）", "Amount (yuan)", c => c.Amount.ToString()),
        new("状态", "Status", c => Labels.Text(c.Status)),
        new("发放日期", "Paid on", c => c.PaidOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("凭证", "Reference", c => c.Reference),
        new("经办人", "Decided by", c => c.DecidedByName),
    ];

    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/condolences",
                async Task<Ok<Paged<CondolenceResponse>>> (
                    [AsParameters] CondolenceFilter filter,
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
            .WithName("ListCondolences")
            .RequirePermission(Permissions.FundsRead)
            .WithSummary(Parameters)
            .ProducesValidationProblem();

        group
            .MapGet(
                "/condolences/export",
                async Task<FileStreamHttpResult> (
                    [AsParameters] CondolenceFilter filter,
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
                        Localized.Text("抚恤慰问", "Condolences"),
                        "condolences",
                        clock
                    )
            )
            .WithName("ExportCondolences")
            .RequirePermission(Permissions.FundsRead)
            .WithSummary(
                "The condolence payments as .xlsx or .csv (format=Xlsx|Csv): " + Parameters + " At most 50,000 rows."
            )
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem();
    }
}
