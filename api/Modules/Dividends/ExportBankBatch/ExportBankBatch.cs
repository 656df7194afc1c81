using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.ExportBankBatch;

/// The bank's 一卡通 batch of an approved plan's unpaid payouts: payee, full ID number and full bank account (the
/// bank pays nothing to a masked account), amount and the payout number the bank's result file sends back. The file
/// is personal data: it takes dividends.reveal-pii and a reason, and producing it is one audited reveal (counted
/// against the caller's hourly reveals). Payees without a bank account on the register are left out (they sign the
/// 签领表 instead); a household payout goes to its head's account.
internal sealed record ExportBankBatchRequest(string? Reason, SpreadsheetFormat? Format);

internal sealed record ExportBankBatchCommand(Guid PlanId, ExportBankBatchRequest Body) : ICommand<BankBatch>;

internal sealed record BankBatchRow(
    Guid PayoutId,
    int LineNo,
    string Name,
    string IdNumber,
    string BankName,
    string BankAccount,
    long AmountFen,
    string Memo
);

internal sealed record BankBatch(IReadOnlyList<BankBatchRow> Rows, SpreadsheetFormat Format);

internal sealed class ExportBankBatchValidator : AbstractValidator<ExportBankBatchCommand>
{
    public ExportBankBatchValidator() => RuleFor(c => c.Body.Format).IsInEnum();
}

internal sealed class ExportBankBatchHandler(
    DbSession db,
    CurrentScope currentScope,
    PersonalDataReveal reveal,
    PersonalDataProtector protector
) : ICommandHandler<ExportBankBatchCommand, BankBatch>
{
    private const string RowsSql = """
        SELECT d.id AS payout_id, d.line_no, d.name, COALESCE(m.id_number_cipher, hm.id_number_cipher) AS id_cipher,
            COALESCE(m.bank_name, hm.bank_name) AS bank_name,
            COALESCE(m.bank_account_cipher, hm.bank_account_cipher) AS account_cipher, d.amount_fen
        FROM dividend_payouts d
        LEFT JOIN collective_members m ON m.id = d.payee_id
        LEFT JOIN collective_households h ON h.id = d.payee_id
        LEFT JOIN collective_members hm ON hm.id = h.head_member_id
        WHERE d.plan_id = @planId AND d.status = 'Unpaid' AND d.amount_fen > 0
          AND d.org_path >= @from AND d.org_path < @to
          AND COALESCE(m.bank_account_cipher, hm.bank_account_cipher) IS NOT NULL
        ORDER BY d.line_no, d.id
        """;

    public async ValueTask<BankBatch> Handle(ExportBankBatchCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var plan = await PlanRecords.FindAsync(db, scope, command.PlanId, cancellationToken);
        if (plan.Stage != PlanStage.Approved)
        {
            throw DividendsErrors.PlanWrongStage(plan.Stage, PlanStage.Approved);
        }
        var rows = await db.QueryAsync<Row>(
            RowsSql,
            new
            {
                planId = plan.Id,
                from = scope.From,
                to = scope.To,
            },
            cancellationToken
        );
        ListExport.EnsureWithinLimit(rows.Count);
        await reveal.RevealAsync(
            Permissions.DividendsRevealPii,
            command.Body.Reason,
            "DistributionPlan",
            plan.Id.ToString(),
            plan.OrgId,
            $"BankBatch({rows.Count})",
            () => "",
            cancellationToken
        );
        var memo = Localized.Text($"{plan.Year}年{plan.Title}", $"{plan.Year} {plan.Title}");
        return new BankBatch(
            rows.Select(r => new BankBatchRow(
                    r.PayoutId,
                    r.LineNo,
                    r.Name,
                    r.IdCipher is null ? "" : protector.Decrypt(r.IdCipher),
                    r.BankName ?? "",
                    protector.Decrypt(r.AccountCipher!),
                    r.AmountFen,
                    memo
                ))
                .ToList(),
            command.Body.Format ?? SpreadsheetFormat.Xlsx
        );
    }

    private sealed record Row
    {
        public Guid PayoutId { get; init; }
        public int LineNo { get; init; }
        public string Name { get; init; } = "";
        public string? IdCipher { get; init; }
        public string? BankName { get; init; }
        public string? AccountCipher { get; init; }
        public long AmountFen { get; init; }
    }
}
