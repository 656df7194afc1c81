using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Assistance.Domain;

/// <summary>One ledger entry as answered.</summary>
internal sealed record LedgerEntryResponse(
    Guid Id,
    Guid FundId,
    LedgerEntryKind Kind,
    FundSource? Source,
    string? Purpose,
    Money Amount,
    DateOnly OccurredOn,
    Guid? CounterEntryId,
    Guid? CounterFundId,
    Guid? ReversesEntryId,
    Guid? PayeeMemberId,
    PaymentKind? PaymentKind,
    Guid? SubjectId,
    string? Reference,
    string? Reason,
    string RecordedByName,
    DateTimeOffset CreatedAt
);

internal sealed record LedgerEntryRow
{
    public Guid Id { get; init; }
    public Guid FundId { get; init; }
    public LedgerEntryKind Kind { get; init; }
    public FundSource? Source { get; init; }
    public string? Purpose { get; init; }
    public long Amount { get; init; }
    public DateOnly OccurredOn { get; init; }
    public Guid? CounterEntryId { get; init; }
    public Guid? CounterFundId { get; init; }
    public Guid? ReversesEntryId { get; init; }
    public Guid? PayeeMemberId { get; init; }
    public PaymentKind? PaymentKind { get; init; }
    public Guid? SubjectId { get; init; }
    public string? Reference { get; init; }
    public string? Reason { get; init; }
    public string RecordedByName { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }

    public LedgerEntryResponse ToResponse() =>
        new(
            Id,
            FundId,
            Kind,
            Source,
            Purpose,
            Money.FromFen(Amount),
            OccurredOn,
            CounterEntryId,
            CounterFundId,
            ReversesEntryId,
            PayeeMemberId,
            PaymentKind,
            SubjectId,
            Reference,
            Reason,
            RecordedByName,
            CreatedAt
        );
}

internal static class LedgerEntries
{
    public const string Columns = """
        id, fund_id, kind, source, purpose, amount, occurred_on, counter_entry_id, counter_fund_id,
        reverses_entry_id, payee_member_id, payment_kind, subject_id, reference, reason, recorded_by_name, created_at
        """;
}
