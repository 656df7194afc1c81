using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.ExportBankBatch;

internal static class ExportBankBatchEndpoint
{
    /// The columns the bank's result file sends back: 付款编号 matches each line to its payout.
    public const string PayoutNumberHeader = "付款编号";

    // Text cells (ID numbers and accounts) stay text: a number cell would lose digits past the 15th in Excel.
    private static readonly IReadOnlyList<ExportColumn<BankBatchRow>> Columns =
    [
        new(PayoutNumberHeader, "Payout number", r => r.PayoutId.ToString()),
        new("序号", "No.", r => r.LineNo),
        new("户名", "Account holder", r => r.Name),
        new("证件号码", "ID number", r => r.IdNumber),
        new("开户银行", "Bank", r => r.BankName),
        new("银行账号", "Account number", r => r.BankAccount),
        new("金额（元）", "Amount (yuan)", r => r.AmountFen / 100m),
        new("摘要", "Memo", r => r.Memo),
    ];

    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/plans/{id:guid}/payouts/bank-file",
                async Task<FileContentHttpResult> (
                    Guid id,
                    ExportBankBatchRequest request,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                {
                    var batch = await mediator.Send(new ExportBankBatchCommand(id, request), cancellationToken);
                    var bytes = ListExport.Write(
                        batch.Rows,
                        Columns,
                        batch.Format,
                        Localized.Text("代发清单", "Bank batch")
                    );
                    return TypedResults.File(
                        bytes,
                        batch.Format.ContentType(),
                        $"bank-batch-{clock.Today():yyyyMMdd}.{batch.Format.Extension()}"
                    );
                }
            )
            .WithName("ExportDistributionBankBatch")
            .RequirePermission(Permissions.DividendsRevealPii)
            .WithSummary("The bank's 一卡通 batch file of an approved plan's unpaid payouts")
            .WithDescription(
                "Body: reason (5–200 characters, audited), format Xlsx (default) or Csv. Full ID numbers and bank "
                    + "accounts of the unpaid payouts whose payee has an account, with the 付款编号 the bank's result "
                    + "file sends back. dividends.reveal-pii (CollectiveAccountant); one audited reveal counted "
                    + "against Security:RevealsPerHour (429). 409 plan_wrong_stage before approval. No "
                    + "Idempotency-Key: the file is never stored for a replay."
            )
            .RefusingIdempotencyKey()
            .ProducesSpreadsheet()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
