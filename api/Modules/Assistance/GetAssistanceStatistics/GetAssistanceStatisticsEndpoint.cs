using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Assistance.GetAssistanceStatistics;

internal static class GetAssistanceStatisticsEndpoint
{
    private const string Parameters =
        "organizationId (optional: the caller's scope by default; another region's is 404); year, or fromYear and "
        + "toYear, or neither for all years. Money in by source (income, and allocations from funds outside the "
        + "subtree), money out by payment kind (payments less reversals), paid aid by category and approval tier, "
        + "people helped (distinct payees with money received), averages, visits recorded, helper pairs active, help "
        + "logs, and the same by year.";

    private static readonly IReadOnlyList<ExportColumn<CareYear>> Columns =
    [
        new("年度", "Year", y => y.Year),
        new("资金收入（元）", "Money in (yuan)", y => y.MoneyIn.Yuan),
        new("帮扶支出（元）", "Money out (yuan)", y => y.MoneyOut.Yuan),
        new("支出笔数", "Payments", y => y.Payments),
        new("帮扶人数", "People helped", y => y.PeopleHelped),
        new("人均金额（元）", "Average per person (yuan)", y => y.AveragePerPerson.Yuan),
        new("走访人次", "Visits", y => y.Visits),
        new("结对帮扶对数", "Helper pairs active", y => y.PairsActive),
        new("帮扶记录条数", "Help logs", y => y.HelpLogs),
    ];

    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/statistics",
                async Task<Ok<AssistanceStatistics>> (
                    Guid? organizationId,
                    int? year,
                    int? fromYear,
                    int? toYear,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            new GetAssistanceStatisticsQuery(organizationId, year, fromYear, toYear),
                            cancellationToken
                        )
                    )
            )
            .WithName("GetAssistanceStatistics")
            .RequirePermission(Permissions.FundsRead)
            .WithSummary("The care fund's figures for a subtree and a year, a range of years or all years")
            .WithDescription(Parameters)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group
            .MapGet(
                "/statistics/export",
                async Task<FileStreamHttpResult> (
                    Guid? organizationId,
                    int? year,
                    int? fromYear,
                    int? toYear,
                    SpreadsheetFormat? format,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                {
                    var statistics = await mediator.Send(
                        new GetAssistanceStatisticsQuery(organizationId, year, fromYear, toYear),
                        cancellationToken
                    );
                    var years = statistics.Years;
                    return ListExport.File(
                        new Paged<CareYear>(years, years.Count, 1, Math.Max(1, years.Count)),
                        Columns,
                        format ?? SpreadsheetFormat.Xlsx,
                        Localized.Text("党内关怀帮扶分年统计", "Care fund by year"),
                        "assistance-statistics",
                        clock
                    );
                }
            )
            .WithName("ExportAssistanceStatistics")
            .RequirePermission(Permissions.FundsRead)
            .WithSummary("The figures by year as .xlsx or .csv (format=Xlsx|Csv)")
            .WithDescription(Parameters)
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
