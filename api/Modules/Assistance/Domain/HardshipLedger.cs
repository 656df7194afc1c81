using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Assistance.Domain;

/// <summary>
/// One member on the dynamic ledger (动态台账) for a year: the latest hardship entry of the year (its version for
/// If-Match on a recheck), whether it is current, the yearly recheck, and the help received that year (fund payments
/// of every kind, visits, logged pairing help).
/// </summary>
internal sealed record HardshipLedgerEntry(
    Guid MemberId,
    string Name,
    Guid OrganizationId,
    Guid HardshipId,
    string Category,
    DateOnly Since,
    DateOnly? Until,
    bool Current,
    DateOnly? LastRecheckOn,
    DateOnly RecheckDueOn,
    bool RecheckDue,
    Money PaidInYear,
    long VisitsInYear,
    long HelpsInYear,
    long Version
);

/// <summary>A recheck of a hardship entry: the day, the outcome and who checked.</summary>
internal sealed record RecheckResponse(
    Guid Id,
    Guid MemberId,
    Guid HardshipId,
    DateOnly CheckedOn,
    RecheckOutcome Outcome,
    string? Note,
    string CheckedByName
);

internal static class HardshipLedger
{
    public const string RechecksForSql = """
        SELECT id, member_id, hardship_id, checked_on, outcome, note, checked_by_name FROM assistance_rechecks
        WHERE member_id = @memberId ORDER BY checked_on DESC, id
        """;

    public sealed record RecheckRow
    {
        public Guid Id { get; init; }
        public Guid MemberId { get; init; }
        public Guid HardshipId { get; init; }
        public DateOnly CheckedOn { get; init; }
        public RecheckOutcome Outcome { get; init; }
        public string? Note { get; init; }
        public string CheckedByName { get; init; } = "";

        public RecheckResponse ToResponse() => new(Id, MemberId, HardshipId, CheckedOn, Outcome, Note, CheckedByName);
    }
}
