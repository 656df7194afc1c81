using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.ListIncomeStatements;

internal static class ListIncomeStatementsEndpoint
{
    private static readonly IReadOnlyList<ExportColumn<IncomeStatementView>> Columns =
    [
        new("年度", "Year", i => i.Year),
        new("经营收入（元）", "Operating income (yuan)", i => i.OperatingIncome.Fen / 100m),
        new("投资收益（元）", "Investment income (yuan)", i => i.InvestmentIncome.Fen / 100m),
        new("其他收入（元）", "Other income (yuan)", i => i.OtherIncome.Fen / 100m),
        new("补助收入（元）", "Grants (yuan)", i => i.GrantIncome.Fen / 100m),
        new("征地补偿（元）", "Land compensation (yuan)", i => i.LandCompensation.Fen / 100m),
        new("成本费用（元）", "Costs (yuan)", i => i.Costs.Fen / 100m),
        new("弥补亏损（元）", "Losses carried (yuan)", i => i.LossesCarried.Fen / 100m),
        new("公积公益金（元）", "Reserve (yuan)", i => i.Reserve.Fen / 100m),
        new("成员分红（元）", "Member dividends (yuan)", i => i.MemberDividends.Fen / 100m),
        new("按交易量返还（元）", "Return by volume (yuan)", i => i.ByVolumeReturn.Fen / 100m),
        new("备注", "Notes", i => i.Notes),
    ];

    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/collectives/{id:guid}/incomes/export",
                async Task<FileStreamHttpResult> (
                    Guid id,
                    SpreadsheetFormat? format,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                    WholeList.File(
                        await mediator.Send(new ListIncomeStatementsQuery(id), cancellationToken),
                        Columns,
                        format,
                        Localized.Text("年度收益", "Income statements"),
                        "income-statements",
                        clock
                    )
            )
            .WithName("ExportIncomeStatements")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("A collective's income statements as .xlsx or .csv (format=Xlsx|Csv)")
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group
            .MapGet(
                "/collectives/{id:guid}/incomes",
                async Task<Ok<IReadOnlyList<IncomeStatementView>>> (
                    Guid id,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) => TypedResults.Ok(await mediator.Send(new ListIncomeStatementsQuery(id), cancellationToken))
            )
            .WithName("ListIncomeStatements")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary(
                "A collective's income statements, newest first, each with its distributable amount and limits"
            )
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
