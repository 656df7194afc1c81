using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Assistance.Domain;

/// <summary>
/// One entry to post. <see cref="Amount"/> is signed: positive brings money into the fund, negative takes it out.
/// </summary>
internal sealed record LedgerPosting(Guid FundId, LedgerEntryKind Kind, Money Amount, DateOnly OccurredOn)
{
    public FundSource? Source { get; init; }

    public string? Purpose { get; init; }

    /// <summary>The person paid (disbursements): the yearly cap per person counts these.</summary>
    public Guid? PayeeMemberId { get; init; }

    public PaymentKind? PaymentKind { get; init; }

    /// <summary>What the money moved for: an application, a visit, a pairing's help.</summary>
    public Guid? SubjectId { get; init; }

    /// <summary>Bank transfer reference, receipt number, or the goods given.</summary>
    public string? Reference { get; init; }

    public string? Reason { get; init; }

    public Guid? ReversesEntryId { get; init; }

    /// <summary>The other side of a double entry between two funds (an allocation down and its receipt).</summary>
    public Guid? CounterEntryId { get; init; }

    public Guid? CounterFundId { get; init; }

    /// <summary>The payee's yearly cap this payment must stay within (null: counted, not checked).</summary>
    public CapGuard? Cap { get; init; }
}

/// <summary>A payment to one person out of a fund (fund aid, visit money, condolence), as other slices post it.
/// </summary>
internal sealed record FundPayment(
    Guid FundId,
    Money Amount,
    Guid PayeeMemberId,
    PaymentKind Kind,
    Guid SubjectId,
    DateOnly PaidOn,
    string? Reference
)
{
    /// <summary>The payee's yearly cap this payment must stay within (null: counted, not checked).</summary>
    public CapGuard? Cap { get; init; }
}

/// <summary>What an approval's hold reserves under the payee's yearly cap: the person, and the year it counts in.
/// </summary>
internal sealed record CapHold(Guid PayeeMemberId, int Year, CapGuard Guard);

/// <summary>
/// The fund's append-only ledger. Every movement is an entry; the fund row keeps the running balance (Σ of its
/// entries) and what approvals hold, so a payment that would overdraw is refused by one UPDATE, never by a read
/// followed by a write: by its condition (<c>balance - held &gt;= amount</c>), or for a payment moved at the commit by
/// the database's guard on the row it writes (held never above the balance). The database also refuses a negative
/// balance and any change to an entry. Slices of any area (applications, visits, condolences) pay through here.
/// </summary>
internal static class FundLedger
{
    private const string CreditSql = """
        UPDATE assistance_funds SET balance = balance + @amount, updated_at = @now, version = version + 1
        WHERE id = @fundId
        """;

    // The whole overdraft rule in one statement: what is free is the balance less what approvals hold.
    private const string DebitSql = """
        UPDATE assistance_funds SET balance = balance - @amount, updated_at = @now, version = version + 1
        WHERE id = @fundId AND balance - held >= @amount
        """;

    private const string HoldSql = """
        UPDATE assistance_funds SET held = held + @amount, updated_at = @now, version = version + 1
        WHERE id = @fundId AND balance - held >= @amount
        """;

    // The same moves made at the commit (DbSession.RunLast): with no condition of their own, since on PostgreSQL
    // they travel with the COMMIT and cannot be judged by the rows they changed. The database's own guard
    // (ck_assistance_funds_not_overdrawn, or SQLite's trigger) refuses a balance below what approvals hold, which is
    // the same rule: what is free (balance less held) covers the amount.
    private const string DebitAtCommitSql = """
        UPDATE assistance_funds SET balance = balance - @amount, updated_at = @now, version = version + 1
        WHERE id = @fundId
        """;

    private const string PayHeldAtCommitSql = """
        UPDATE assistance_funds SET balance = balance - @amount, held = held - @amount, updated_at = @now,
            version = version + 1
        WHERE id = @fundId
        """;

    private const string ReleaseHeldSql = """
        UPDATE assistance_funds SET held = held - @amount, updated_at = @now, version = version + 1
        WHERE id = @fundId AND held >= @amount
        """;

    private const string InsertHoldSql = """
        INSERT INTO assistance_fund_holds (id, fund_id, subject_id, amount, status, payee_member_id, cap_year,
            created_at)
        VALUES (@id, @fundId, @subjectId, @amount, 'Active', @payeeMemberId, @capYear, @now)
        """;

    private const string SettleHoldSql = """
        UPDATE assistance_fund_holds SET status = @status, settled_entry_id = @entryId, settled_at = @now
        WHERE id = @holdId AND status = 'Active'
        """;

    private const string SelectHoldSql =
        "SELECT id, fund_id, subject_id, amount, status, payee_member_id, cap_year FROM assistance_fund_holds "
        + "WHERE id = @holdId";

    private const string FundStateSql = "SELECT balance, held FROM assistance_funds WHERE id = @fundId";

    private const string InsertEntrySql = """
        INSERT INTO assistance_ledger_entries (id, fund_id, kind, source, purpose, amount, occurred_on,
            counter_entry_id, counter_fund_id, reverses_entry_id, payee_member_id, payment_kind, subject_id,
            reference, reason, recorded_by, recorded_by_name, created_at)
        VALUES (@id, @fundId, @kind, @source, @purpose, @amount, @occurredOn, @counterEntryId, @counterFundId,
            @reversesEntryId, @payeeMemberId, @paymentKind, @subjectId, @reference, @reason, @recordedBy,
            @recordedByName, @now)
        """;

    /// <summary>
    /// Posts one entry and moves the fund's balance with it. A negative amount is refused with 409
    /// fund_insufficient when it exceeds what is free (balance less holds), decided by the UPDATE itself.
    /// Returns the entry's id.
    /// </summary>
    public static async Task<Guid> PostAsync(
        DbSession db,
        LedgerPosting posting,
        Caller caller,
        DateTimeOffset now,
        CancellationToken cancellationToken,
        Guid? entryId = null
    ) => await PostAsync(db, posting, caller, now, cancellationToken, entryId, atCommit: false);

    private static async Task<Guid> PostAsync(
        DbSession db,
        LedgerPosting posting,
        Caller caller,
        DateTimeOffset now,
        CancellationToken cancellationToken,
        Guid? entryId,
        bool atCommit
    )
    {
        if (posting.Amount == Money.Zero)
        {
            throw new ArgumentException("A ledger entry moves money.", nameof(posting));
        }
        if (!db.InTransaction)
        {
            throw new InvalidOperationException("A ledger entry is posted inside its command's transaction.");
        }
        // The entry first, the fund's row last: the row's lock is what concurrent payments out of one fund queue
        // on, so it is held only from the conditional UPDATE to the commit. A refused UPDATE throws, and the
        // transaction's rollback takes the entry with it.
        var id = await InsertEntryAsync(db, posting, caller, now, cancellationToken, entryId);
        // A payment to a person counts under their yearly cap in the year paid (a reversal, which carries the payee
        // of what it reverses, counts back); with a guard, the count's own UPDATE refuses what passes the cap.
        if (posting.PayeeMemberId is { } payee)
        {
            await YearlyCap.CountAsync(
                db,
                payee,
                posting.OccurredOn.Year,
                Money.Zero - posting.Amount,
                posting.Cap,
                cancellationToken
            );
        }
        var move = new
        {
            fundId = posting.FundId,
            amount = Math.Abs(posting.Amount.Fen),
            now,
        };
        if (atCommit && posting.Amount.Fen < 0)
        {
            db.RunLast(
                DebitAtCommitSql,
                move,
                (refusal, token) =>
                    DbErrors.IsCheckViolation(refusal)
                        ? ThrowInsufficientAsync(db, move.fundId, Money.FromFen(move.amount), token)
                        : Task.CompletedTask
            );
        }
        else
        {
            var sql = posting.Amount.Fen > 0 ? CreditSql : DebitSql;
            await MoveAsync(db, sql, move.fundId, move.amount, move.now, cancellationToken);
        }
        return id;
    }

    private static async Task MoveAsync(
        DbSession db,
        string sql,
        Guid fundId,
        long amount,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        if (
            await db.ExecuteAsync(
                sql,
                new
                {
                    fundId,
                    amount,
                    now,
                },
                cancellationToken
            ) == 0
        )
        {
            await ThrowInsufficientAsync(db, fundId, Money.FromFen(amount), cancellationToken);
        }
    }

    /// <summary>
    /// Pays a person straight out of the fund (no approval hold): visit money, a condolence payment. The fund's row
    /// moves last, at the commit (after the command's own rows and its audit), since every payment out of the fund
    /// queues on it: 409 fund_insufficient then comes from the commit, and the whole command rolls back.
    /// </summary>
    public static Task<Guid> PayAsync(
        DbSession db,
        FundPayment payment,
        Caller caller,
        DateTimeOffset now,
        CancellationToken cancellationToken,
        Guid? entryId = null
    ) => PostAsync(db, Disbursement(payment), caller, now, cancellationToken, entryId, atCommit: true);

    /// <summary>
    /// Reserves an approved amount: it counts against the balance from now on, so approvals never promise more
    /// than the fund holds, and with <paramref name="cap"/> under the payee's yearly cap too, so approvals never
    /// promise a person more than the cap. 409 fund_insufficient or yearly_cap_exceeded when it does not fit.
    /// Returns the hold's id.
    /// </summary>
    public static async Task<Guid> HoldAsync(
        DbSession db,
        Guid fundId,
        Guid subjectId,
        Money amount,
        CapHold? cap,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        var parameters = new
        {
            id = Guid.CreateVersion7(),
            fundId,
            subjectId,
            amount = amount.Fen,
            payeeMemberId = cap?.PayeeMemberId,
            capYear = cap?.Year,
            now,
        };
        if (cap is not null)
        {
            await YearlyCap.CountAsync(db, cap.PayeeMemberId, cap.Year, amount, cap.Guard, cancellationToken);
        }
        if (await db.ExecuteAsync(HoldSql, parameters, cancellationToken) == 0)
        {
            await ThrowInsufficientAsync(db, fundId, amount, cancellationToken);
        }
        await db.ExecuteAsync(InsertHoldSql, parameters, cancellationToken);
        return parameters.id;
    }

    /// <summary>
    /// Turns a hold into the disbursement it reserved (the amount of the hold, to the payee). 409 hold_not_active
    /// when it was already paid or released: settling the hold is the guard against paying twice.
    /// </summary>
    public static async Task<Guid> PayHoldAsync(
        DbSession db,
        Guid holdId,
        FundPayment payment,
        Caller caller,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        var entryId = Guid.CreateVersion7();
        var hold = await SettleAsync(db, holdId, HoldStatus.Paid, entryId, now, cancellationToken);
        var posting = Disbursement(payment with { FundId = hold.FundId, Amount = Money.FromFen(hold.Amount) });
        // The hold counted under the payee's cap since the approval, in the approval's year; paid in another year,
        // the count moves to the year paid (and must fit there).
        if (hold.PayeeMemberId is { } payee && hold.CapYear is { } capYear && capYear != payment.PaidOn.Year)
        {
            var amount = Money.FromFen(hold.Amount);
            await YearlyCap.CountAsync(db, payee, capYear, Money.Zero - amount, null, cancellationToken);
            await YearlyCap.CountAsync(db, payee, payment.PaidOn.Year, amount, payment.Cap, cancellationToken);
        }
        await InsertEntryAsync(db, posting, caller, now, cancellationToken, entryId);
        // As in PayAsync: the fund's row moves at the commit.
        var move = new
        {
            fundId = hold.FundId,
            amount = hold.Amount,
            now,
        };
        db.RunLast(
            PayHeldAtCommitSql,
            move,
            (refusal, _) =>
                throw new InvalidOperationException("A fund holds less than one of its active holds.", refusal)
        );
        return entryId;
    }

    /// <summary>Releases a hold (a rejection, a cancellation): the amount is free again.</summary>
    public static async Task ReleaseHoldAsync(
        DbSession db,
        Guid holdId,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        var hold = await SettleAsync(db, holdId, HoldStatus.Released, null, now, cancellationToken);
        if (hold.PayeeMemberId is { } payee && hold.CapYear is { } capYear)
        {
            await YearlyCap.CountAsync(
                db,
                payee,
                capYear,
                Money.Zero - Money.FromFen(hold.Amount),
                null,
                cancellationToken
            );
        }
        var move = new
        {
            fundId = hold.FundId,
            amount = hold.Amount,
            now,
        };
        if (await db.ExecuteAsync(ReleaseHeldSql, move, cancellationToken) == 0)
        {
            throw new InvalidOperationException("A fund holds less than one of its active holds.");
        }
    }

    private static LedgerPosting Disbursement(FundPayment payment) =>
        new(payment.FundId, LedgerEntryKind.Disbursement, Money.Zero - payment.Amount, payment.PaidOn)
        {
            PayeeMemberId = payment.PayeeMemberId,
            PaymentKind = payment.Kind,
            SubjectId = payment.SubjectId,
            Reference = payment.Reference,
            Cap = payment.Cap,
        };

    private static async Task<HoldRow> SettleAsync(
        DbSession db,
        Guid holdId,
        HoldStatus status,
        Guid? entryId,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        var hold =
            await db.QuerySingleOrDefaultAsync<HoldRow>(SelectHoldSql, new { holdId }, cancellationToken)
            ?? throw new NotFoundException("hold");
        var settled = await db.ExecuteAsync(
            SettleHoldSql,
            new
            {
                holdId,
                status = status.ToString(),
                entryId,
                now,
            },
            cancellationToken
        );
        if (settled == 0)
        {
            throw AssistanceErrors.HoldNotActive();
        }
        return hold;
    }

    private static async Task<Guid> InsertEntryAsync(
        DbSession db,
        LedgerPosting posting,
        Caller caller,
        DateTimeOffset now,
        CancellationToken cancellationToken,
        Guid? id = null
    )
    {
        var entry = new
        {
            id = id ?? Guid.CreateVersion7(),
            fundId = posting.FundId,
            kind = posting.Kind.ToString(),
            source = posting.Source?.ToString(),
            purpose = posting.Purpose,
            amount = posting.Amount.Fen,
            occurredOn = posting.OccurredOn,
            counterEntryId = posting.CounterEntryId,
            counterFundId = posting.CounterFundId,
            reversesEntryId = posting.ReversesEntryId,
            payeeMemberId = posting.PayeeMemberId,
            paymentKind = posting.PaymentKind?.ToString(),
            subjectId = posting.SubjectId,
            reference = posting.Reference,
            reason = posting.Reason,
            recordedBy = caller.Id,
            recordedByName = caller.ShownName,
            now,
        };
        await db.ExecuteOrConflictAsync(
            InsertEntrySql,
            entry,
            AssistanceErrors.EntryAlreadyReversed,
            cancellationToken
        );
        return entry.id;
    }

    private static async Task ThrowInsufficientAsync(
        DbSession db,
        Guid fundId,
        Money requested,
        CancellationToken cancellationToken
    )
    {
        var fund =
            await db.QuerySingleOrDefaultAsync<FundState>(FundStateSql, new { fundId }, cancellationToken)
            ?? throw new NotFoundException("fund");
        throw AssistanceErrors.FundInsufficient(requested, Money.FromFen(Math.Max(0, fund.Balance - fund.Held)));
    }

    private sealed record FundState(long Balance, long Held);

    private sealed record HoldRow
    {
        public Guid Id { get; init; }
        public Guid FundId { get; init; }
        public Guid SubjectId { get; init; }
        public long Amount { get; init; }
        public string Status { get; init; } = "";
        public Guid? PayeeMemberId { get; init; }
        public int? CapYear { get; init; }
    }
}
