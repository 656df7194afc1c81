using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Contracts;

namespace Jiceng.Modules.Members.Domain;

/// <summary>
/// The Contracts doors the care fund (Assistance) reads the register through: old and long-standing members, the
/// hardship register over time and leaving it. Everything runs on the request's session, filtered by the scope.
/// </summary>
internal sealed class MemberCareDirectory(DbSession db, TimeProvider clock)
    : IMemberCareRegister,
        IMemberHardshipHistory
{
    // On the register that day: active, or deceased on or after it (a list built for a past day keeps them).
    private const string OnTheRegister = "(m.status = 'Active' OR (m.status = 'Deceased' AND m.died_on >= @day))";

    private const string CareSelect = """
        SELECT m.id AS member_id, m.name, m.org_id, m.org_path, m.category, m.status, m.stage, m.birth_date,
            m.full_member_on, m.died_on,
            CASE WHEN EXISTS (SELECT 1 FROM member_community_reports r WHERE r.member_id = m.id
                AND r.reported_on <= @day AND (r.ended_on IS NULL OR r.ended_on >= @day)) THEN 1 ELSE 0 END
                AS reported
        FROM members m
        WHERE m.org_path >= @from AND m.org_path < @to
        """;

    private const string FindSql = CareSelect + " AND m.id = @memberId";

    private const string OldSql =
        CareSelect
        + " AND "
        + OnTheRegister
        + " AND m.stage IN ('Probationary', 'Full')"
        + " AND (m.birth_date <= @bornBy OR (m.stage = 'Full' AND m.full_member_on <= @convertedBy))"
        + " ORDER BY m.org_path, m.name {collate-zh}, m.id";

    private const string HardshipSelect = """
        SELECT h.id AS hardship_id, h.member_id, m.name, m.org_id, m.org_path, h.category, h.since, h.until,
            m.status AS member_status, h.version
        FROM member_hardships h JOIN members m ON m.id = h.member_id
        WHERE m.org_path >= @from AND m.org_path < @to
        """;

    private const string ForMemberSql = HardshipSelect + " AND h.member_id = @memberId ORDER BY h.since DESC, h.id";

    private const string OverlappingSql =
        HardshipSelect
        + " AND h.since <= @until AND (h.until IS NULL OR h.until >= @since)"
        + " ORDER BY m.org_path, m.name {collate-zh}, h.since, h.id";

    // The same guard as Members' own EndHardship: the version read, begun by the end, not ended before today.
    private const string EndSql = """
        UPDATE member_hardships SET until = @until, updated_at = @now, version = version + 1
        WHERE id = @id AND member_id = @memberId AND version = @expectedVersion AND since <= @until
          AND (until IS NULL OR until >= @today)
        """;

    public async Task<MemberForCare?> FindAsync(
        Guid memberId,
        DateOnly day,
        DataScope scope,
        CancellationToken cancellationToken
    )
    {
        var row = await db.QuerySingleOrDefaultAsync<CareRow>(
            FindSql,
            new
            {
                memberId,
                day,
                from = scope.From,
                to = scope.To,
            },
            cancellationToken
        );
        return row?.ToCare(day);
    }

    public async Task<IReadOnlyList<MemberForCare>> OldOrLongStandingAsync(
        DateOnly day,
        int ageAtLeast,
        int standingYearsAtLeast,
        DataScope scope,
        CancellationToken cancellationToken
    ) => (
            await db.QueryAsync<CareRow>(
                OldSql,
                new
                {
                    day,
                    from = scope.From,
                    to = scope.To,
                    bornBy = day.AddYears(-ageAtLeast),
                    convertedBy = day.AddYears(-standingYearsAtLeast),
                },
                cancellationToken
            )
        ).Select(r => r.ToCare(day)).ToList();

    public async Task<IReadOnlyList<HardshipPeriod>> ForMemberAsync(
        Guid memberId,
        DataScope scope,
        CancellationToken cancellationToken
    ) => (
            await db.QueryAsync<HardshipPeriodRow>(
                ForMemberSql,
                new
                {
                    memberId,
                    from = scope.From,
                    to = scope.To,
                },
                cancellationToken
            )
        ).Select(r => r.ToPeriod()).ToList();

    public async Task<IReadOnlyList<HardshipPeriod>> OverlappingAsync(
        DateOnly from,
        DateOnly to,
        DataScope scope,
        CancellationToken cancellationToken
    ) => (
            await db.QueryAsync<HardshipPeriodRow>(
                OverlappingSql,
                new
                {
                    since = from,
                    until = to,
                    from = scope.From,
                    to = scope.To,
                },
                cancellationToken
            )
        ).Select(r => r.ToPeriod()).ToList();

    public async Task<HardshipEndOutcome> EndAsync(
        Guid memberId,
        Guid hardshipId,
        long expectedVersion,
        DateOnly until,
        DataScope scope,
        CancellationToken cancellationToken
    )
    {
        var current = (await ForMemberAsync(memberId, scope, cancellationToken)).FirstOrDefault(p =>
            p.HardshipId == hardshipId
        );
        if (current is null)
        {
            return HardshipEndOutcome.NotFound;
        }
        var today = clock.Today();
        // If-Match first, as in EndHardship: a stale copy is 412 whatever changed.
        if (current.Version != expectedVersion)
        {
            return HardshipEndOutcome.Stale;
        }
        if (current.Until < today)
        {
            return HardshipEndOutcome.AlreadyEnded;
        }
        if (until < current.Since)
        {
            return HardshipEndOutcome.EndsBeforeStart;
        }
        var ended = await db.ExecuteAsync(
            EndSql,
            new
            {
                id = hardshipId,
                memberId,
                expectedVersion,
                until,
                today,
                now = clock.GetUtcNow(),
            },
            cancellationToken
        );
        return ended == 0 ? HardshipEndOutcome.Stale : HardshipEndOutcome.Ended;
    }

    private sealed record CareRow
    {
        public Guid MemberId { get; init; }
        public string Name { get; init; } = "";
        public Guid OrgId { get; init; }
        public string OrgPath { get; init; } = "";
        public string Category { get; init; } = "";
        public string Status { get; init; } = "";
        public string Stage { get; init; } = "";
        public DateOnly BirthDate { get; init; }
        public DateOnly? FullMemberOn { get; init; }
        public DateOnly? DiedOn { get; init; }
        public long Reported { get; init; }

        public MemberForCare ToCare(DateOnly day)
        {
            // Counted to the death when it came before the day, as the register counts them.
            var until = DiedOn is { } died && died < day ? died : day;
            return new MemberForCare(
                MemberId,
                Name,
                OrgId,
                OrgPath,
                Category,
                Status,
                MemberRow.YearsBetween(BirthDate, until),
                Stage == nameof(MemberStage.Full) && FullMemberOn is { } full && full <= until
                    ? MemberRow.YearsBetween(full, until)
                    : null,
                DiedOn,
                Reported != 0
            );
        }
    }

    private sealed record HardshipPeriodRow
    {
        public Guid HardshipId { get; init; }
        public Guid MemberId { get; init; }
        public string Name { get; init; } = "";
        public Guid OrgId { get; init; }
        public string OrgPath { get; init; } = "";
        public string Category { get; init; } = "";
        public DateOnly Since { get; init; }
        public DateOnly? Until { get; init; }
        public string MemberStatus { get; init; } = "";
        public long Version { get; init; }

        public HardshipPeriod ToPeriod() =>
            new(HardshipId, MemberId, Name, OrgId, OrgPath, Category, Since, Until, MemberStatus, Version);
    }
}
