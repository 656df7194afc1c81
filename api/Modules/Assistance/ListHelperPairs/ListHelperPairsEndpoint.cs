using System.Globalization;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Assistance.ListHelperPairs;

/// <summary>The list's filters, bound once for the list and its export.</summary>
internal sealed record HelperPairFilter(
    [FromQuery(Name = "organizationId")] Guid? OrganizationId,
    [FromQuery(Name = "memberId")] Guid? MemberId,
    [FromQuery(Name = "staleOnly")] bool? StaleOnly,
    [FromQuery(Name = "includeEnded")] bool? IncludeEnded
)
{
    public ListHelperPairsQuery ToQuery(PageRequest page, string? sort) =>
        new(OrganizationId, MemberId, StaleOnly ?? false, IncludeEnded ?? false, page, sort);
}

internal static class ListHelperPairsEndpoint
{
    private const string Parameters =
        "1+N pairs in the subtree (organizationId; the caller's scope by default); memberId as helper or helped; "
        + "staleOnly lists open pairs without a help log for the region's months (3 by default); includeEnded. Sort "
        + "by helperName, helpedName, startedOn, lastHelpOn.";

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly IReadOnlyList<ExportColumn<HelperPairResponse>> Columns =
    [
        new("帮扶人", "Helper", p => p.HelperName),
        new("双报到", "Reported to a community", p => p.HelperReported ? Localized.Text("是", "Yes") : ""),
        new("帮扶对象", "Helped member", p => p.HelpedName),
        new("结对日期", "Paired on", p => Day(p.StartedOn)),
        new("最近帮扶", "Last help", p => Day(p.LastHelpOn)),
        new("帮扶次数", "Times helped", p => p.HelpCount.ToString(CultureInfo.InvariantCulture)),
        new("提醒", "Reminder", p => p.Stale ? Localized.Text("三个月无帮扶记录", "No help logged for months") : ""),
        new("结束日期", "Ended on", p => Day(p.EndedOn)),
    ];

    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/pairings",
                async Task<Ok<Paged<HelperPairResponse>>> (
                    [AsParameters] HelperPairFilter filter,
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
            .WithName("ListHelperPairs")
            .RequirePermission(Permissions.FundsRead)
            .WithSummary(Parameters)
            .ProducesValidationProblem();

        group
            .MapGet(
                "/pairings/export",
                async Task<FileStreamHttpResult> (
                    [AsParameters] HelperPairFilter filter,
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
                        Localized.Text("结对帮扶", "Helper pairings"),
                        "pairings",
                        clock
                    )
            )
            .WithName("ExportHelperPairs")
            .RequirePermission(Permissions.FundsRead)
            .WithSummary("The 1+N pairs as .xlsx or .csv (format=Xlsx|Csv): " + Parameters)
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem();
    }
}
