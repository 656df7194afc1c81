using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Dividends.ListPayouts;

internal sealed record PayoutFilter([FromQuery(Name = "status")] PayoutStatus? Status)
{
    public ListPayoutsQuery ToQuery(Guid planId, PageRequest page, string? sort) => new(planId, Status, page, sort);
}

internal static class ListPayoutsEndpoint
{
    private const string Parameters =
        "status Unpaid (unclaimed, or the bank batch), Paid or Failed; sort by lineNo, name, amount.";

    // The bank's 一卡通 batch: ID numbers and accounts are masked here; ListExport neutralizes formula cells.
    private static readonly IReadOnlyList<ExportColumn<PayoutListItem>> Columns =
    [
        new("序号", "No.", p => p.LineNo),
        new("姓名", "Name", p => p.Name),
        new("身份证号", "ID number", p => p.IdNumberMasked),
        new("开户行", "Bank", p => p.BankName),
        new("账号", "Account", p => p.BankAccountMasked),
        new("金额（元）", "Amount (yuan)", p => p.Amount.Yuan),
        new("状态", "Status", p => Labels.Text(p.Status)),
        new("款项编号", "Payout id", p => p.Id.ToString()),
    ];

    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/plans/{id:guid}/payouts",
                async Task<Ok<Paged<PayoutListItem>>> (
                    Guid id,
                    [AsParameters] PayoutFilter filter,
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
            .WithName("ListDistributionPayouts")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("A plan's payouts: " + Parameters)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group
            .MapGet(
                "/plans/{id:guid}/payouts/export",
                async Task<FileStreamHttpResult> (
                    Guid id,
                    [AsParameters] PayoutFilter filter,
                    string? sort,
                    SpreadsheetFormat? format,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                {
                    var list = await mediator.Send(filter.ToQuery(id, PageRequest.ForExport, sort), cancellationToken);
                    return ListExport.File(
                        list,
                        Columns,
                        format ?? SpreadsheetFormat.Xlsx,
                        Localized.Text("分红兑现清单", "Payouts"),
                        "payouts",
                        clock
                    );
                }
            )
            .WithName("ExportDistributionPayouts")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary(
                "The payouts as .xlsx or .csv (status=Unpaid: the bank's batch file) with the list's parameters: "
                    + Parameters
            )
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
