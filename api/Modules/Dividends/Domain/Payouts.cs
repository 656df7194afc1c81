using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Dividends.Domain;

internal enum PayoutStatus
{
    [Label("未发放", "Unpaid")]
    Unpaid,

    [Label("已发放", "Paid")]
    Paid,

    [Label("转账失败", "Failed")]
    Failed,
}

internal enum PayoutKind
{
    [Label("兑现", "Payout")]
    Payout,

    [Label("重新发放", "Re-issue")]
    Reissue,

    [Label("冲正", "Reversal")]
    Reversal,
}

/// How a payout was handed over: the payee signed and pressed a fingerprint on the printed 签领表, a proxy collected
/// it with a written authorization, or the bank transferred it (一卡通).
internal enum ConfirmationMethod
{
    [Label("本人签字按手印", "Signature and fingerprint")]
    Signature,

    [Label("委托代领", "Collected by a proxy")]
    Proxy,

    [Label("银行转账", "Bank transfer")]
    BankTransfer,
}

internal sealed record PayoutView(
    Guid Id,
    Guid PlanId,
    int LineNo,
    Guid HouseholdId,
    Guid PayeeId,
    string Name,
    PayoutKind Kind,
    Guid? RelatedId,
    Money Amount,
    PayoutStatus Status,
    ConfirmationMethod? Method,
    DateOnly? PaidOn,
    string? Reference,
    string? ProxyName,
    string? ProxyAuthorization,
    string? FailureReason,
    string? Note,
    string? RecordedByName,
    DateTimeOffset? RecordedAt,
    long Version
);

internal sealed record PayoutRow
{
    public Guid Id { get; init; }
    public Guid PlanId { get; init; }
    public int LineNo { get; init; }
    public Guid HouseholdId { get; init; }
    public Guid PayeeId { get; init; }
    public string Name { get; init; } = "";
    public PayoutKind Kind { get; init; }
    public Guid? RelatedId { get; init; }
    public long AmountFen { get; init; }
    public PayoutStatus Status { get; init; }
    public ConfirmationMethod? Method { get; init; }
    public DateOnly? PaidOn { get; init; }
    public string? Reference { get; init; }
    public string? ProxyName { get; init; }
    public string? ProxyAuthorization { get; init; }
    public string? FailureReason { get; init; }
    public string? Note { get; init; }
    public string? RecordedByName { get; init; }
    public DateTimeOffset? RecordedAt { get; init; }
    public long Version { get; init; }

    public PayoutView View() =>
        new(
            Id,
            PlanId,
            LineNo,
            HouseholdId,
            PayeeId,
            Name,
            Kind,
            RelatedId,
            Money.FromFen(AmountFen),
            Status,
            Method,
            PaidOn,
            Reference,
            ProxyName,
            ProxyAuthorization,
            FailureReason,
            Note,
            RecordedByName,
            RecordedAt,
            Version
        );
}

internal static class Payouts
{
    private const string FindSql = """
        SELECT id, plan_id, line_no, household_id, payee_id, name, kind, related_id, amount_fen, status, method,
            paid_on, reference, proxy_name, proxy_authorization, failure_reason, note, recorded_by_name, recorded_at,
            version
        FROM dividend_payouts WHERE id = @id AND org_path >= @from AND org_path < @to
        """;

    public static async Task<PayoutRow> FindAsync(
        DbSession db,
        DataScope scope,
        Guid id,
        CancellationToken cancellationToken
    ) =>
        await db.QuerySingleOrDefaultAsync<PayoutRow>(
            FindSql,
            new
            {
                id,
                from = scope.From,
                to = scope.To,
            },
            cancellationToken
        ) ?? throw new NotFoundException("Payout");
}
