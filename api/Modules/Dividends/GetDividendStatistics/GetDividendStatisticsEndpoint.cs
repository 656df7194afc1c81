using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.GetDividendStatistics;

internal static class GetDividendStatisticsEndpoint
{
    private static readonly IReadOnlyList<ExportColumn<DistributionYear>> Columns =
    [
        new("年度", "Year", y => y.Year),
        new("分配方案数", "Plans", y => y.Plans),
        new("分配笔数", "Payout lines", y => y.Lines),
        new("分配总额（元）", "Distributed (yuan)", y => y.Distributed.Fen / 100m),
        new("已发放（元）", "Paid out (yuan)", y => y.PaidOut.Fen / 100m),
        new("未发放（元）", "Unpaid (yuan)", y => y.Unpaid.Fen / 100m),
        new("发放率（%）", "Paid out (%)", y => y.PaidOutPercent),
    ];

    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/statistics",
                async Task<Ok<DividendStatistics>> (
                    Guid? organizationId,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(new GetDividendStatisticsQuery(organizationId), cancellationToken)
                    )
            )
            .WithName("GetDividendStatistics")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("Dividends' figures for an organization's subtree")
            .WithDescription(
                "organizationId (required, in scope: 400 otherwise). counts: collectives, cooperatives, households, "
                    + "members, landTransferredMu, operatingIncomeReported (latest year at or above the region's "
                    + "reported line), weakCollectives (below the region's line), distributionPlans, distributedFen, "
                    + "paidOutFen; the two lines; and by year the approved plans, payout lines, amount distributed, "
                    + "paid out, unpaid and the share paid out."
            )
            .ProducesValidationProblem();

        group
            .MapGet(
                "/statistics/export",
                async Task<FileStreamHttpResult> (
                    Guid? organizationId,
                    SpreadsheetFormat? format,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                {
                    var statistics = await mediator.Send(
                        new GetDividendStatisticsQuery(organizationId),
                        cancellationToken
                    );
                    var years = statistics.Years;
                    return ListExport.File(
                        new Paged<DistributionYear>(years, years.Count, 1, Math.Max(1, years.Count)),
                        Columns,
                        format ?? SpreadsheetFormat.Xlsx,
                        Localized.Text("历年分配", "Distributions by year"),
                        "dividend-statistics",
                        clock
                    );
                }
            )
            .WithName("ExportDividendStatistics")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("The distributions by year as .xlsx or .csv (format=Xlsx|Csv), organizationId required")
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem();
    }
}
