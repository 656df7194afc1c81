using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Assistance.Domain;

/// <summary>A holiday visit list: the occasion, its day, the first day visits count, and its progress.</summary>
internal sealed record VisitListResponse(
    Guid Id,
    Guid OrganizationId,
    string OrganizationName,
    VisitOccasion Occasion,
    int Year,
    DateOnly OccasionOn,
    DateOnly WindowOpensOn,
    long Total,
    long Visited,
    Money MoneyGiven,
    Money GoodsValue,
    string CreatedByName,
    long Version
);

/// <summary>
/// One person on a visit list and, once visited, the visit: who went, when, the money (paid through the fund's
/// ledger: <c>ledgerEntryId</c>) and the goods with their value. <c>onTime</c>: made in the list's window;
/// <c>overdue</c>: not made and the holiday has passed.
/// </summary>
internal sealed record VisitResponse(
    Guid Id,
    Guid ListId,
    Guid OrganizationId,
    Guid? MemberId,
    string Name,
    string? Relation,
    IReadOnlyList<VisitReason> Reasons,
    int? Age,
    int? StandingYears,
    string? HardshipCategory,
    VisitStatus Status,
    DateOnly? VisitedOn,
    string? Visitors,
    Money Money,
    Guid? FundId,
    Guid? LedgerEntryId,
    string? Goods,
    Money GoodsValue,
    string? Note,
    bool? OnTime,
    bool Overdue,
    long Version
);

internal sealed record VisitRow
{
    public Guid Id { get; init; }
    public Guid ListId { get; init; }
    public Guid OrgId { get; init; }
    public string OrgPath { get; init; } = "";
    public Guid RegionRootId { get; init; }
    public Guid? MemberId { get; init; }
    public string Name { get; init; } = "";
    public string? Relation { get; init; }
    public int Reasons { get; init; }
    public int? Age { get; init; }
    public int? StandingYears { get; init; }
    public string? HardshipCategory { get; init; }
    public VisitStatus Status { get; init; }
    public DateOnly? VisitedOn { get; init; }
    public string? Visitors { get; init; }
    public Money Money { get; init; }
    public Guid? FundId { get; init; }
    public Guid? LedgerEntryId { get; init; }
    public string? Goods { get; init; }
    public Money GoodsValue { get; init; }
    public string? Note { get; init; }
    public long Version { get; init; }
    public DateOnly OccasionOn { get; init; }
    public DateOnly WindowOpensOn { get; init; }

    public VisitResponse ToResponse(DateOnly today) =>
        new(
            Id,
            ListId,
            OrgId,
            MemberId,
            Name,
            Relation,
            VisitRules.Split((VisitReason)Reasons),
            Age,
            StandingYears,
            HardshipCategory,
            Status,
            VisitedOn,
            Visitors,
            Money,
            FundId,
            LedgerEntryId,
            Goods,
            GoodsValue,
            Note,
            VisitedOn is { } on ? on >= WindowOpensOn && on <= OccasionOn : null,
            VisitRules.Overdue(VisitedOn, OccasionOn, today),
            Version
        );
}

internal static class Visits
{
    /// <summary>A visit with its list's days (for on time and overdue); <c>v</c> is the visit, <c>l</c> the list.
    /// </summary>
    public const string Select = """
        SELECT v.id, v.list_id, v.org_id, v.org_path, v.region_root_id, v.member_id, v.name, v.relation, v.reasons,
            v.age, v.standing_years, v.hardship_category, v.status, v.visited_on, v.visitors, v.money, v.fund_id,
            v.ledger_entry_id, v.goods, v.goods_value, v.note, v.version, l.occasion_on, l.window_opens_on
        FROM assistance_visits v JOIN assistance_visit_lists l ON l.id = v.list_id
        """;

    public const string FindSql = Select + " WHERE v.id = @id AND v.org_path >= @from AND v.org_path < @to";

    public const string InsertSql = """
        INSERT INTO assistance_visits (id, org_id, org_path, region_root_id, list_id, member_id, name, relation,
            reasons, age, standing_years, hardship_category, status, money, goods_value, created_at, updated_at,
            version)
        VALUES (@id, @orgId, @orgPath, @regionRootId, @listId, @memberId, @name, @relation, @reasons, @age,
            @standingYears, @hardshipCategory, 'Due', 0, 0, @now, @now, 1)
        """;
}
