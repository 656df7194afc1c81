using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.ListObjections;

internal static class ListObjectionsEndpoint
{
    private static readonly IReadOnlyList<ExportColumn<ObjectionView>> Columns =
    [
        new("收到日期", "Received on", o => o.ReceivedOn.ToString("yyyy-MM-dd")),
        new("提出人", "Raised by", o => o.RaisedBy),
        new("异议内容", "Objection", o => o.Content),
        new("状态", "Status", o => Labels.Text(o.Status)),
        new("答复", "Answer", o => o.Answer),
        new("答复人", "Answered by", o => o.AnsweredByName),
        new("办结人", "Closed by", o => o.ClosedByName),
        new("登记人", "Recorded by", o => o.RecordedByName),
    ];

    public static void Map(RouteGroupBuilder group)
    {
        MapExport(group);
        group
            .MapGet(
                "/plans/{id:guid}/objections",
                async Task<Ok<IReadOnlyList<ObjectionView>>> (
                    Guid id,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) => TypedResults.Ok(await mediator.Send(new ListObjectionsQuery(id), cancellationToken))
            )
            .WithName("ListPlanObjections")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("A plan's objection register")
            .WithDescription("Every objection with its answer and whether it is closed.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void MapExport(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/plans/{id:guid}/objections/export",
                async Task<FileStreamHttpResult> (
                    Guid id,
                    SpreadsheetFormat? format,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                    WholeList.File(
                        await mediator.Send(new ListObjectionsQuery(id), cancellationToken),
                        Columns,
                        format,
                        Localized.Text("异议登记", "Objections"),
                        "plan-objections",
                        clock
                    )
            )
            .WithName("ExportPlanObjections")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("A plan's objection register as .xlsx or .csv (format=Xlsx|Csv)")
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
