using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Dividends.Domain;

/// The payout ledger after the list exists: an entry's status moves once (Unpaid → Paid or Failed); a re-issue of a
/// failed transfer and a reversal of a paid payout are NEW entries pointing at the one they follow, never edits.
/// Each new entry is made by two statements: a guarded UPDATE of the entry it follows (at the If-Match version, in
/// the status it needs, not yet followed), then the INSERT, whose unique (plan, entry key) index refuses a second
/// follower even past the guard.
internal static class PayoutLedger
{
    private const string InsertFollowerSql = """
        INSERT INTO dividend_payouts (id, plan_id, entry_key, line_no, collective_id, org_path, region_root_id,
            household_id, payee_id, name, kind, related_id, amount_fen, status, paid_on, note, recorded_by_name,
            recorded_at, created_at, version)
        SELECT @newId, plan_id, @entryKey, line_no, collective_id, org_path, region_root_id, household_id, payee_id,
            name, @kind, id, amount_fen * @sign, @status, @paidOn, @note, @by, @now, @now, 1
        FROM dividend_payouts WHERE id = @id
        """;

    /// Makes the entry that follows <paramref name="id"/>: its entry key is the kind's letter and the followed id.
    public static async Task<Guid> AddFollowerAsync(
        DbSession db,
        Guid id,
        PayoutKind kind,
        PayoutStatus status,
        DateOnly? paidOn,
        string? note,
        Caller caller,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        var newId = Guid.CreateVersion7();
        await db.ExecuteOrConflictAsync(
            InsertFollowerSql,
            new
            {
                newId,
                id,
                entryKey = (kind == PayoutKind.Reversal ? "R" : "I") + id.ToString("N"),
                kind = kind.ToString(),
                sign = kind == PayoutKind.Reversal ? -1 : 1,
                status = status.ToString(),
                paidOn,
                note,
                by = caller.ShownName,
                now,
            },
            DividendsErrors.PayoutAlreadyHandled,
            cancellationToken
        );
        return newId;
    }

    /// Why a guarded statement on a payout wrote nothing: 412 at another version, else the rule it broke.
    public static async Task<Exception> RefusalAsync(
        DbSession db,
        DataScope scope,
        Guid id,
        long expectedVersion,
        Func<PayoutRow, Exception> rule,
        CancellationToken cancellationToken
    )
    {
        var current = await Payouts.FindAsync(db, scope, id, cancellationToken);
        return current.Version != expectedVersion ? new PreconditionFailedException() : rule(current);
    }
}
