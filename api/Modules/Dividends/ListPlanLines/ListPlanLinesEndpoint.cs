using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.ListPlanLines;

internal static class ListPlanLinesEndpoint
{
    private const string Parameters =
        "partNo narrows to one part; q searches the payee's name. Sort by lineNo, name, amount, remainder.";

    private static readonly IReadOnlyList<ExportColumn<PlanLineItem>> Columns =
    [
        new("序号", "Line", l => l.LineNo),
        new("分配项目", "Part", l => l.PartLabel),
        new("姓名", "Name", l => l.Name),
        new("身份证号（部分隐藏）", "ID number (masked)", l => l.IdNumberMasked),
        new("计算单位", "Units", l => l.Units),
        new("单价（元）", "Rate (yuan)", l => l.Rate),
        new("应得（元）", "Exact (yuan)", l => l.Exact),
        new("取整（元）", "Rounded down (yuan)", l => l.Base.Fen / 100m),
        new("尾差（元）", "From the remainder (yuan)", l => l.Remainder.Fen / 100m),
        new("实发（元）", "Amount (yuan)", l => l.Amount.Fen / 100m),
        new("计算说明", "Explanation", l => l.Explanation),
    ];

    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/plans/{id:guid}/lines",
                async Task<Ok<Paged<PlanLineItem>>> (
                    Guid id,
                    int? partNo,
                    string? q,
                    int? page,
                    int? pageSize,
                    string? sort,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            new ListPlanLinesQuery(id, partNo, q, PageRequest.From(page, pageSize), sort),
                            cancellationToken
                        )
                    )
            )
            .WithName("ListDistributionPlanLines")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("A plan's payout lines, each explained")
            .WithDescription(
                "Any version's lines (a superseded one's too): units × rate = exact share, rounded down, plus the "
                    + "分 from the remainder; ID numbers masked. "
                    + Parameters
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group
            .MapGet(
                "/plans/{id:guid}/lines/export",
                async Task<FileStreamHttpResult> (
                    Guid id,
                    int? partNo,
                    string? q,
                    string? sort,
                    SpreadsheetFormat? format,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                {
                    var list = await mediator.Send(
                        new ListPlanLinesQuery(id, partNo, q, PageRequest.ForExport, sort),
                        cancellationToken
                    );
                    return ListExport.File(
                        list,
                        Columns,
                        format ?? SpreadsheetFormat.Xlsx,
                        Localized.Text("分配明细", "Payout lines"),
                        "plan-lines",
                        clock
                    );
                }
            )
            .WithName("ExportDistributionPlanLines")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary(
                "A plan's payout lines as .xlsx or .csv (format=Xlsx|Csv), with the list's parameters: "
                    + Parameters
                    + " At most 50,000 rows (409 export_too_large)."
            )
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
