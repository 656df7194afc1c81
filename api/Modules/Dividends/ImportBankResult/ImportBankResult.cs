using System.Globalization;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.ImportBankResult;

internal enum BankResultOutcome
{
    [Label("已确认发放", "Confirmed paid")]
    Paid,

    [Label("已标记转账失败", "Marked failed")]
    Failed,

    [Label("此前已处理，未重复记账", "Handled before; nothing recorded twice")]
    Unchanged,

    [Label("金额不符，未处理", "Amount differs; not recorded")]
    AmountMismatch,

    [Label("本方案中没有该笔款项", "No such payout in this plan")]
    Unknown,

    [Label("行内容无法识别", "Line not understood")]
    Invalid,
}

internal sealed record BankResultLine(int Row, Guid? PayoutId, string? Name, BankResultOutcome Outcome, string Message);

internal sealed record BankResultReport(
    int Rows,
    int Paid,
    int Failed,
    int Unchanged,
    int Unknown,
    int Invalid,
    Money PaidTotal,
    IReadOnlyList<BankResultLine> Lines
);

/// The bank's result file for a batch, applied line by line: each line names its payout (付款编号 from the batch
/// file), the result (成功/失败) and the bank's reference or reason. A success confirms an unpaid payout as a bank
/// transfer, a failure marks it failed, each in one conditional statement on status Unpaid, so a line already
/// applied (the same file uploaded twice, a payout confirmed by hand meanwhile) changes nothing: nothing is paid
/// twice, with or without an Idempotency-Key. A line whose amount differs from the payout is left for a person.
internal sealed record ImportBankResultCommand(Guid PlanId, Stream File) : ICommand<BankResultReport>;

internal sealed class ImportBankResultHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    AuditTrail audit,
    TimeProvider clock
) : ICommandHandler<ImportBankResultCommand, BankResultReport>
{
    public const int MaxRows = 20_000;

    private const string PayoutsSql = """
        SELECT id, name, amount_fen, status FROM dividend_payouts
        WHERE plan_id = @planId AND org_path >= @from AND org_path < @to
        """;

    private const string ConfirmSql = """
        UPDATE dividend_payouts SET status = 'Paid', method = 'BankTransfer', paid_on = @paidOn,
            reference = @reference, recorded_by_name = @by, recorded_at = @now, version = version + 1
        WHERE id = @id AND plan_id = @planId AND status = 'Unpaid' AND org_path >= @from AND org_path < @to
        """;

    private const string FailSql = """
        UPDATE dividend_payouts SET status = 'Failed', failure_reason = @reason, recorded_by_name = @by,
            recorded_at = @now, version = version + 1
        WHERE id = @id AND plan_id = @planId AND status = 'Unpaid' AND org_path >= @from AND org_path < @to
        """;

    private static readonly string[] IdHeaders = ["付款编号", "款项编号", "payout number", "payout id"];
    private static readonly string[] ResultHeaders = ["处理结果", "结果", "状态", "交易状态", "result", "status"];
    private static readonly string[] ReferenceHeaders = ["银行流水号", "流水号", "交易流水号", "reference"];
    private static readonly string[] ReasonHeaders = ["失败原因", "备注", "原因", "reason"];
    private static readonly string[] AmountHeaders = ["金额（元）", "金额(元)", "金额", "amount (yuan)", "amount"];
    private static readonly string[] DateHeaders = ["交易日期", "日期", "date"];
    private static readonly string[] Successes = ["成功", "已成功", "交易成功", "success", "succeeded", "ok"];
    private static readonly string[] Failures = ["失败", "交易失败", "failed", "failure"];

    public async ValueTask<BankResultReport> Handle(
        ImportBankResultCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var plan = await PlanRecords.FindAsync(db, scope, command.PlanId, cancellationToken);
        var sheet = Read(command.File);
        var payouts = (
            await db.QueryAsync<PayoutRow>(
                PayoutsSql,
                new
                {
                    planId = plan.Id,
                    from = scope.From,
                    to = scope.To,
                },
                cancellationToken
            )
        ).ToDictionary(p => p.Id);
        var today = clock.Today();
        var now = clock.GetUtcNow();
        var by = callers.Current.ShownName;
        var lines = new List<BankResultLine>();
        long paidTotal = 0;
        foreach (var (row, cells) in sheet)
        {
            string? Cell(string key) =>
                VisibleText.Trim(cells.GetValueOrDefault(key)?.ToString()) is { Length: > 0 } t ? t : null;
            if (!Guid.TryParse(Cell("id"), out var id))
            {
                lines.Add(Line(row, null, null, BankResultOutcome.Invalid));
                continue;
            }
            if (!payouts.TryGetValue(id, out var payout))
            {
                lines.Add(Line(row, id, null, BankResultOutcome.Unknown));
                continue;
            }
            var result = Cell("result")?.ToLowerInvariant();
            var success = result is not null && Successes.Contains(result);
            var failure = result is not null && Failures.Contains(result);
            var paidOn =
                DateOnly.TryParse(Cell("date"), CultureInfo.InvariantCulture, out var d) && d <= today ? d : today;
            if (!success && !failure)
            {
                lines.Add(Line(row, id, payout.Name, BankResultOutcome.Invalid));
                continue;
            }
            if (
                Cell("amount") is { } amountText
                && (
                    !decimal.TryParse(amountText, NumberStyles.Number, CultureInfo.InvariantCulture, out var yuan)
                    || yuan * 100m != payout.AmountFen
                )
            )
            {
                lines.Add(Line(row, id, payout.Name, BankResultOutcome.AmountMismatch));
                continue;
            }
            var values = new
            {
                id,
                planId = plan.Id,
                paidOn,
                reference = Truncate(Cell("reference") ?? Localized.Text("银行回盘", "Bank result"), 100),
                reason = Truncate(Cell("reason") ?? Localized.Text("银行回盘：转账失败", "Bank result: failed"), 200),
                by,
                now,
                from = scope.From,
                to = scope.To,
            };
            var written = await db.ExecuteAsync(success ? ConfirmSql : FailSql, values, cancellationToken);
            if (written == 0)
            {
                lines.Add(Line(row, id, payout.Name, BankResultOutcome.Unchanged));
                continue;
            }
            if (success)
            {
                paidTotal += payout.AmountFen;
            }
            lines.Add(Line(row, id, payout.Name, success ? BankResultOutcome.Paid : BankResultOutcome.Failed));
        }
        var report = new BankResultReport(
            lines.Count,
            lines.Count(l => l.Outcome == BankResultOutcome.Paid),
            lines.Count(l => l.Outcome == BankResultOutcome.Failed),
            lines.Count(l => l.Outcome == BankResultOutcome.Unchanged),
            lines.Count(l => l.Outcome is BankResultOutcome.Unknown or BankResultOutcome.AmountMismatch),
            lines.Count(l => l.Outcome == BankResultOutcome.Invalid),
            Money.FromFen(paidTotal),
            lines
        );
        // The file itself is no audit material: what it did is (the command holds a stream, so nothing is derived).
        audit.Record(
            new AuditRecord(
                "ImportBankResult",
                "DistributionPlan",
                plan.Id.ToString(),
                plan.OrgId,
                null,
                new
                {
                    report.Rows,
                    report.Paid,
                    report.Failed,
                    report.Unchanged,
                    report.Unknown,
                    report.Invalid,
                    paidTotalFen = paidTotal,
                }
            )
        );
        return report;
    }

    private static BankResultLine Line(int row, Guid? id, string? name, BankResultOutcome outcome) =>
        new(row, id, name, outcome, Labels.Text(outcome));

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    /// The data rows by column key (id, result, reference, reason, amount, date), numbered as Excel shows them.
    private static List<(int Row, Dictionary<string, object?> Cells)> Read(Stream file)
    {
        var raw = UploadedSheet.ReadRows(file, MaxRows + 2) ?? throw DividendsErrors.BankResultUnreadable();
        if (raw.Count > MaxRows + 1)
        {
            throw DividendsErrors.BankResultTooLarge(MaxRows);
        }
        var columns = new Dictionary<string, string>();
        foreach (var (letter, value) in raw.Count > 0 ? raw[0] : new Dictionary<string, object?>())
        {
            var header = VisibleText.Trim(value?.ToString()).TrimStart('\uFEFF').ToLowerInvariant();
            var key =
                IdHeaders.Contains(header) ? "id"
                : ResultHeaders.Contains(header) ? "result"
                : ReferenceHeaders.Contains(header) ? "reference"
                : ReasonHeaders.Contains(header) ? "reason"
                : AmountHeaders.Contains(header) ? "amount"
                : DateHeaders.Contains(header) ? "date"
                : null;
            if (key is not null && !columns.ContainsValue(key))
            {
                columns[letter] = key;
            }
        }
        if (!columns.ContainsValue("id") || !columns.ContainsValue("result"))
        {
            throw DividendsErrors.BankResultUnreadable();
        }
        var rows = new List<(int, Dictionary<string, object?>)>();
        for (var i = 1; i < raw.Count; i++)
        {
            var cells = columns.ToDictionary(c => c.Value, c => raw[i].TryGetValue(c.Key, out var v) ? v : null);
            if (cells.Values.Any(v => !string.IsNullOrWhiteSpace(v?.ToString())))
            {
                rows.Add((i + 1, cells));
            }
        }
        return rows;
    }

    private sealed record PayoutRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public long AmountFen { get; init; }
        public string Status { get; init; } = "";
    }
}
