using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.ListPlans;

internal static class ListPlansEndpoint
{
    private const string Parameters =
        "collectiveId, year, stage (Draft, Deliberation, Review, Notice, Approved, Superseded) narrow it; the current "
        + "version of each plan only unless allVersions=true; q searches the title and the collective's name. Sort by "
        + "year, title, collective, total, updatedAt (default -updatedAt).";

    private static readonly IReadOnlyList<ExportColumn<PlanListItem>> Columns =
    [
        new("集体经济组织", "Collective", p => p.CollectiveName),
        new("年度", "Year", p => p.Year),
        new("方案", "Plan", p => p.Title),
        new("版本", "Version", p => p.VersionNo),
        new("阶段", "Stage", p => Labels.Text(p.Stage)),
        new("分配总额（元）", "Total (yuan)", p => p.Total.Fen / 100m),
        new("分配笔数", "Lines", p => p.LineCount),
        new("编制人", "Prepared by", p => p.PreparedByName),
        new("公示截止", "Notice ends", p => p.NoticeEndsOn?.ToString("yyyy-MM-dd")),
        new("未办结异议", "Open objections", p => p.OpenObjections),
    ];

    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/plans",
                async Task<Ok<Paged<PlanListItem>>> (
                    [AsParameters] PlanFilter filter,
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
            .WithName("ListDistributionPlans")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("Distribution plans in the caller's scope")
            .WithDescription(Parameters)
            .ProducesValidationProblem();

        group
            .MapGet(
                "/plans/export",
                async Task<FileStreamHttpResult> (
                    [AsParameters] PlanFilter filter,
                    string? sort,
                    SpreadsheetFormat? format,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                {
                    var list = await mediator.Send(filter.ToQuery(PageRequest.ForExport, sort), cancellationToken);
                    return ListExport.File(
                        list,
                        Columns,
                        format ?? SpreadsheetFormat.Xlsx,
                        Localized.Text("分配方案", "Distribution plans"),
                        "distribution-plans",
                        clock
                    );
                }
            )
            .WithName("ExportDistributionPlans")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("The plans as .xlsx or .csv (format=Xlsx|Csv) with the list's parameters")
            .WithDescription(Parameters + " At most 50,000 rows (409 export_too_large).")
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem();
    }
}
