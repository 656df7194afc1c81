using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Assistance.Domain;

/// <summary>The yearly cap a payment or hold for a person must stay within, and the field a refusal names.</summary>
internal sealed record CapGuard(Money Cap, string Field)
{
    public static CapGuard Of(AssistanceRules rules, string field) =>
        new(Money.FromYuan(rules.YearlyCapPerPersonYuan.Value), field);
}

/// <summary>
/// The yearly cap per person (DOMAIN.md §5). A row per person and calendar year counts what is committed to them:
/// every kind of payment (aid, visit money, condolence) in the year of the day paid, less reversals, and what
/// approvals hold for them. The ledger moves the count with each entry it posts for a payee; an approval's hold
/// counts from the approval. Whether an amount still fits is decided by one conditional UPDATE of that row
/// (<c>committed + amount &lt;= cap</c>), never by a sum read before the write: of two approvals or payments at once,
/// the second waits for the row and sees the first.
/// </summary>
internal static class YearlyCap
{
    // SQLite and PostgreSQL (named Sqlite… so the T-SQL parsing test leaves them out): the row made or moved by one
    // statement, its own condition the whole cap rule (no row is written when the amount does not fit, new or not).
    private const string SqliteAndPostgresUpsertGuardedSql = """
        INSERT INTO assistance_member_caps (member_id, year, committed)
        SELECT @memberId, @year, @amount WHERE @amount <= @cap
        ON CONFLICT (member_id, year) DO UPDATE
        SET committed = assistance_member_caps.committed + excluded.committed
        WHERE assistance_member_caps.committed + excluded.committed <= @cap
        """;

    private const string SqliteAndPostgresUpsertSql = """
        INSERT INTO assistance_member_caps (member_id, year, committed) VALUES (@memberId, @year, @amount)
        ON CONFLICT (member_id, year) DO UPDATE
        SET committed = assistance_member_caps.committed + excluded.committed
        """;

    // SQL Server has no ON CONFLICT: the row is made first, then moved by the conditional UPDATE.
    private const string EnsureRowSql = """
        INSERT INTO assistance_member_caps (member_id, year, committed)
        SELECT @memberId, @year, 0
        WHERE NOT EXISTS (SELECT 1 FROM assistance_member_caps WHERE member_id = @memberId AND year = @year)
        """;

    private const string AddGuardedSql = """
        UPDATE assistance_member_caps SET committed = committed + @amount
        WHERE member_id = @memberId AND year = @year AND committed + @amount <= @cap
        """;

    private const string AddSql = """
        UPDATE assistance_member_caps SET committed = committed + @amount
        WHERE member_id = @memberId AND year = @year
        """;

    private const string CommittedSql =
        "SELECT committed FROM assistance_member_caps WHERE member_id = @memberId AND year = @year";

    /// <summary>
    /// 409 yearly_cap_exceeded, on <paramref name="field"/>, when the amount is more than what is left this year:
    /// a check before anything is written (an application when submitted), not the guard itself.
    /// </summary>
    public static async Task EnsureWithinAsync(
        DbSession db,
        Guid memberId,
        Money amount,
        DateOnly paidOn,
        AssistanceRules rules,
        string field,
        CancellationToken cancellationToken
    )
    {
        var committed = await CommittedAsync(db, memberId, paidOn.Year, cancellationToken);
        if (amount > ApplicationRules.RemainingUnderCap(committed, rules))
        {
            throw Exceeded(CapGuard.Of(rules, field), committed, amount);
        }
    }

    /// <summary>
    /// Moves what is committed to the person in <paramref name="year"/> by <paramref name="change"/>. An increase
    /// with a <paramref name="guard"/> is refused (409 yearly_cap_exceeded, nothing written) when it would pass the
    /// cap; a decrease (a reversal, a released hold) always applies.
    /// </summary>
    public static async Task CountAsync(
        DbSession db,
        Guid memberId,
        int year,
        Money change,
        CapGuard? guard,
        CancellationToken cancellationToken
    )
    {
        var row = new
        {
            memberId,
            year,
            amount = change.Fen,
            cap = guard?.Cap.Fen ?? 0,
        };
        var guarded = guard is not null && change > Money.Zero;
        int moved;
        if (db.Dialect.Provider == DatabaseProvider.SqlServer)
        {
            await db.ExecuteAsync(EnsureRowSql, row, cancellationToken);
            moved = await db.ExecuteAsync(guarded ? AddGuardedSql : AddSql, row, cancellationToken);
        }
        else
        {
            moved = await db.ExecuteAsync(
                guarded ? SqliteAndPostgresUpsertGuardedSql : SqliteAndPostgresUpsertSql,
                row,
                cancellationToken
            );
        }
        if (moved == 0)
        {
            throw Exceeded(guard!, await CommittedAsync(db, memberId, year, cancellationToken), change);
        }
    }

    private static async Task<Money> CommittedAsync(
        DbSession db,
        Guid memberId,
        int year,
        CancellationToken cancellationToken
    ) =>
        Money.FromFen(await db.ExecuteScalarAsync<long?>(CommittedSql, new { memberId, year }, cancellationToken) ?? 0);

    private static Exception Exceeded(CapGuard guard, Money committed, Money requested)
    {
        var left = guard.Cap - committed;
        return AssistanceErrors.YearlyCapExceeded(
            guard.Cap,
            committed,
            requested,
            left > Money.Zero ? left : Money.Zero,
            guard.Field
        );
    }
}
