using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Assistance.ListVisits;

/// <summary>The list's filters, bound once for the list and its export.</summary>
internal sealed record VisitFilter(
    [FromQuery(Name = "status")] VisitStatus? Status,
    [FromQuery(Name = "reason")] VisitReason? Reason
)
{
    public ListVisitsQuery ToQuery(Guid listId, PageRequest page, string? sort) =>
        new(listId, Status, Reason, page, sort);
}

internal static class ListVisitsEndpoint
{
    private const string Parameters =
        "Filter by status (Due, Visited) and reason (InHardship, LongStanding, Elderly, MartyrFamily); sort by name, "
        + "organization, age, visitedOn, status.";

    private static string Yuan(Money money) => money.ToString();

    private static readonly IReadOnlyList<ExportColumn<VisitResponse>> Columns =
    [
        new("姓名", "Name", v => v.Name),
        new("关系", "Relation", v => v.Relation),
        new("走访原因", "Reasons", v => string.Join("、", v.Reasons.Select(r => Labels.Text(r)))),
        new("年龄", "Age", v => v.Age?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new(
            "党龄",
            "Years of standing",
            v => v.StandingYears?.ToString(System.Globalization.CultureInfo.InvariantCulture)
        ),
        new("状态", "Status", v => v.Overdue ? Localized.Text("逾期未走访", "Overdue") : Labels.Text(v.Status)),
        new(
            "走访日期",
            "Visited on",
            v => v.VisitedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        ),
        new("走访人", "Visitors", v => v.Visitors),
        new("慰问金（元）", "Money (yuan)", v => Yuan(v.Money)),
        new("慰问品", "Goods", v => v.Goods),
        new("慰问品价值（元）", "Goods value (yuan)", v => Yuan(v.GoodsValue)),
    ];

    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/visit-lists/{id:guid}/visits",
                async Task<Ok<Paged<VisitResponse>>> (
                    Guid id,
                    [AsParameters] VisitFilter filter,
                    int? page,
                    int? pageSize,
                    string? sort,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            filter.ToQuery(id, PageRequest.From(page, pageSize), sort),
                            cancellationToken
                        )
                    )
            )
            .WithName("ListVisits")
            .RequirePermission(Permissions.FundsRead)
            .WithSummary("The people on a visit list and their visits: " + Parameters)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group
            .MapGet(
                "/visit-lists/{id:guid}/visits/export",
                async Task<FileStreamHttpResult> (
                    Guid id,
                    [AsParameters] VisitFilter filter,
                    string? sort,
                    SpreadsheetFormat? format,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                    ListExport.File(
                        await mediator.Send(filter.ToQuery(id, PageRequest.ForExport, sort), cancellationToken),
                        Columns,
                        format ?? SpreadsheetFormat.Xlsx,
                        Localized.Text("走访慰问名单", "Visit list"),
                        "visit-list",
                        clock
                    )
            )
            .WithName("ExportVisits")
            .RequirePermission(Permissions.FundsRead)
            .WithSummary(
                "A visit list, whole, as .xlsx or .csv (format=Xlsx|Csv): "
                    + Parameters
                    + " At most 50,000 rows (409 export_too_large)."
            )
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
