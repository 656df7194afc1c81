using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.ListShareChanges;

internal static class ListShareChangesEndpoint
{
    // One row per change line: the change's date, kind and reason, the member and the shares moved.
    private static readonly IReadOnlyList<
        ExportColumn<(ShareChangeResponse Change, ShareChangeLineResponse Line)>
    > Columns =
    [
        new("生效日期", "Effective on", r => r.Change.EffectiveOn.ToString("yyyy-MM-dd")),
        new("变动类型", "Kind", r => Labels.Text(r.Change.Kind)),
        new("成员", "Member", r => r.Line.MemberName),
        new("股份变动", "Shares", r => r.Line.Delta),
        new("原因", "Reason", r => r.Change.Reason),
        new("文件或记录编号", "Document reference", r => r.Change.DocumentRef),
        new("登记人", "Recorded by", r => r.Change.RecordedBy),
    ];

    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/collectives/{id:guid}/share-changes/export",
                async Task<FileStreamHttpResult> (
                    Guid id,
                    Guid? memberId,
                    SpreadsheetFormat? format,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                    WholeList.File(
                        (await mediator.Send(new ListShareChangesQuery(id, memberId), cancellationToken))
                            .SelectMany(c => c.Lines.Select(l => (c, l)))
                            .ToList(),
                        Columns,
                        format,
                        Localized.Text("股权变动", "Share changes"),
                        "share-changes",
                        clock
                    )
            )
            .WithName("ExportShareChanges")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("A collective's share changes, a row per line, as .xlsx or .csv (format=Xlsx|Csv)")
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group
            .MapGet(
                "/collectives/{id:guid}/share-changes",
                async Task<Ok<IReadOnlyList<ShareChangeResponse>>> (
                    Guid id,
                    Guid? memberId,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) => TypedResults.Ok(await mediator.Send(new ListShareChangesQuery(id, memberId), cancellationToken))
            )
            .WithName("ListShareChanges")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("A collective's dated share changes, newest first (memberId: those touching one member)")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
