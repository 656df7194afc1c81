using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.GetHouseholdStatement;

internal static class GetHouseholdStatementEndpoint
{
    private static readonly IReadOnlyList<ExportColumn<StatementEntry>> Columns =
    [
        new("年度", "Year", e => e.Year),
        new("方案", "Plan", e => e.PlanTitle),
        new("版本", "Version", e => e.VersionNo),
        new("分配项目", "Part", e => e.PartLabel),
        new("领款人", "Payee", e => e.Name),
        new("类别", "Kind", e => Labels.Text(e.Kind)),
        new("金额（元）", "Amount (yuan)", e => e.Amount.Fen / 100m),
        new("状态", "Status", e => Labels.Text(e.Status)),
        new("发放方式", "Method", e => e.Method is { } m ? Labels.Text(m) : null),
        new("发放日期", "Paid on", e => e.PaidOn?.ToString("yyyy-MM-dd")),
        new("凭证", "Reference", e => e.Reference),
    ];

    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/households/{id:guid}/statement",
                async Task<Ok<HouseholdStatement>> (
                    Guid id,
                    int? fromYear,
                    int? toYear,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(new GetHouseholdStatementQuery(id, fromYear, toYear), cancellationToken)
                    )
            )
            .WithName("GetHouseholdDividendStatement")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("A household's dividend statement over the years")
            .WithDescription(
                "Every payout entry of the household by year (newest first), with paid, unpaid and failed sums; "
                    + "fromYear/toYear narrow it. Reversals are negative entries."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group
            .MapGet(
                "/households/{id:guid}/statement/export",
                async Task<FileStreamHttpResult> (
                    Guid id,
                    int? fromYear,
                    int? toYear,
                    SpreadsheetFormat? format,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                {
                    var statement = await mediator.Send(
                        new GetHouseholdStatementQuery(id, fromYear, toYear),
                        cancellationToken
                    );
                    var entries = statement.Years.SelectMany(y => y.Entries).ToList();
                    return ListExport.File(
                        new Paged<StatementEntry>(entries, entries.Count, 1, Math.Max(1, entries.Count)),
                        Columns,
                        format ?? SpreadsheetFormat.Xlsx,
                        Localized.Text("分红对账单", "Dividend statement"),
                        "household-statement",
                        clock
                    );
                }
            )
            .WithName("ExportHouseholdDividendStatement")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("A household's statement entries as .xlsx or .csv (format=Xlsx|Csv), fromYear/toYear")
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
