using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.ImportBankResult;

internal static class ImportBankResultEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/plans/{id:guid}/payouts/bank-result",
                async Task<Ok<BankResultReport>> (
                    Guid id,
                    IFormFile file,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                {
                    await using var stream = file.OpenReadStream();
                    return TypedResults.Ok(
                        await mediator.Send(new ImportBankResultCommand(id, stream), cancellationToken)
                    );
                }
            )
            .WithName("ImportDistributionBankResult")
            .RequirePermission(Permissions.DividendsWrite)
            .WithSummary("Confirm payouts in bulk from the bank's result file")
            .WithDescription(
                "Multipart field 'file' (.xlsx or .csv, at most 20,000 lines) whose first row names 付款编号 (from the "
                    + "bank batch file) and 处理结果 (成功/失败), optionally 银行流水号, 失败原因, 金额（元）, 交易日期. "
                    + "Each line confirms (bank transfer) or marks failed an unpaid payout of this plan; the report "
                    + "counts paid, failed, unchanged (handled before: a replay or a second upload pays nothing "
                    + "twice), unknown (not this plan's, or the amount differs) and invalid lines, each line with "
                    + "its outcome. 400 on an unreadable file. Takes Idempotency-Key."
            )
            // Sign-in cookies are SameSite=Strict and API keys are headers, so a cross-site form cannot post here.
            .DisableAntiforgery()
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
