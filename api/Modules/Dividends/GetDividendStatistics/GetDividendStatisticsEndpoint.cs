using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
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
        new("分红人数", "Dividend payees", y => Part(y, PlanPartKind.Dividend)?.Payees ?? 0),
        new("分红（元）", "Dividends (yuan)", y => (Part(y, PlanPartKind.Dividend)?.Amount.Fen ?? 0) / 100m),
        new("养老金人数", "Pension payees", y => Part(y, PlanPartKind.Pension)?.Payees ?? 0),
        new("养老金（元）", "Pension (yuan)", y => (Part(y, PlanPartKind.Pension)?.Amount.Fen ?? 0) / 100m),
        new("其他人数", "Other payees", y => Part(y, PlanPartKind.Other)?.Payees ?? 0),
        new("其他（元）", "Other (yuan)", y => (Part(y, PlanPartKind.Other)?.Amount.Fen ?? 0) / 100m),
    ];

    private static DistributionPart? Part(DistributionYear year, PlanPartKind kind) =>
        year.Parts.FirstOrDefault(p => p.Kind == kind);

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
                    + "paid out, unpaid and the share paid out, with the amount "
                    + "and payees by kind of part (dividend, pension, other)."
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
