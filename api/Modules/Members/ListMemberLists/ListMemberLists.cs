using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Members.ListMemberLists;

/// <summary>The lists departments print every year.</summary>
internal enum MemberListKind
{
    /// <summary>政治生日: members whose join date falls in the month.</summary>
    [Label("政治生日", "Political birthdays")]
    PoliticalBirthdays,

    /// <summary>
    /// 光荣在党50年: full members with party standing (from conversion) of 50 years or more on 1 July of the year, not
    /// given the medal in an earlier year; those given it that year stay, marked, and the year's new names are flagged.
    /// </summary>
    [Label("光荣在党50年", "50 years in the Party")]
    MedalCandidates,

    /// <summary>
    /// 失联风险: no organization life for six months. 党章第九条 also counts six months without dues; dues are not
    /// recorded here yet, so the list carries a note saying so.
    /// </summary>
    [Label("失联风险", "Lost contact")]
    LostContact,

    /// <summary>Probations ending within the days asked (conversion due).</summary>
    [Label("预备期将满", "Probations ending")]
    ExpiringProbations,
}

/// <summary>
/// A member on a list, with the date that put them there and the years it counts. On the medal list:
/// <c>newlyEligible</c> (the 50 years are reached this year) and, for one given the medal that year, the year and
/// the giver; null on the other lists. <c>version</c> is the member's, for If-Match on a step taken from the list.
/// </summary>
internal sealed record MemberOnList(
    Guid Id,
    Guid OrganizationId,
    string OrganizationName,
    string Name,
    Gender Gender,
    int Age,
    MemberStage Stage,
    DateOnly? Date,
    int? Years,
    bool? NewlyEligible,
    int? MedalYear,
    string? MedalAwardedBy,
    long Version
);

/// <summary>What a list cannot count yet, said on the list rather than left out silently.</summary>
internal sealed record MemberListNote(string Code, string Text);

/// <summary>A page of a yearly list, with a note where the list is knowingly incomplete.</summary>
internal sealed record MemberListPage(
    IReadOnlyList<MemberOnList> Items,
    long Total,
    int Page,
    int PageSize,
    MemberListNote? Note
)
{
    public Paged<MemberOnList> AsPaged() => new(Items, Total, Page, PageSize);
}

internal sealed record ListMemberListsQuery(
    MemberListKind Kind,
    Guid? OrganizationId,
    int? Month,
    int? Year,
    int? WithinDays,
    PageRequest Page
) : IQuery<MemberListPage>;

internal sealed class ListMemberListsValidator : AbstractValidator<ListMemberListsQuery>
{
    public ListMemberListsValidator()
    {
        this.AddPagingRules(q => q.Page);
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.Month).InclusiveBetween(1, 12);
        RuleFor(q => q.Year).InclusiveBetween(1971, 9998);
        RuleFor(q => q.WithinDays).InclusiveBetween(0, 366);
    }
}

internal sealed class ListMemberListsHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    MemberRuleSets rules,
    TimeProvider clock
) : IQueryHandler<ListMemberListsQuery, MemberListPage>
{
    private const string Scope = "org_path >= @from AND org_path < @to AND status = 'Active'";

    private const string BirthdaysFilter =
        "FROM members WHERE " + Scope + " AND stage IN ('Probationary', 'Full') AND {month:joined_on} = @month";

    private const string BirthdaysCountSql = "SELECT COUNT(*) " + BirthdaysFilter;

    private const string BirthdaysPageSql =
        "SELECT " + MemberRecords.Columns + " " + BirthdaysFilter + " ORDER BY {orderBy} {page}";

    // Given the medal in an earlier year: off the list; given in this year: on it, marked.
    private const string MedalFilter =
        "FROM members WHERE "
        + Scope
        + " AND stage = 'Full' AND full_member_on <= @standingSince AND (medal_year IS NULL OR medal_year >= @year)";

    private const string MedalCountSql = "SELECT COUNT(*) " + MedalFilter;

    private const string MedalPageSql =
        "SELECT "
        + MemberRecords.Columns
        + ", medal_year, medal_awarded_by "
        + MedalFilter
        + " ORDER BY {orderBy} {page}";

    // Never recorded counts from when the record was made, so a newly registered member is not flagged at once.
    private const string LostFilter = """
        FROM members WHERE org_path >= @from AND org_path < @to AND status = 'Active' AND stage IN ('Probationary',
            'Full')
          AND (last_org_life_on < @lifeSince OR (last_org_life_on IS NULL AND created_at < @createdSince))
        """;

    private const string LostCountSql = "SELECT COUNT(*) " + LostFilter;

    private const string LostPageSql =
        "SELECT " + MemberRecords.Columns + " " + LostFilter + " ORDER BY {orderBy} {page}";

    // Probation ends the region's months (plus any extension) after joining: the probationary members are a
    // bounded set (a year or two of admissions), finished in memory with each one's region rule.
    private const string ProbationarySql =
        "SELECT "
        + MemberRecords.Columns
        + " FROM members WHERE org_path >= @from AND org_path < @to AND status = 'Active' AND stage = 'Probationary' "
        + "AND joined_on <= @until ORDER BY joined_on, id";

    public async ValueTask<MemberListPage> Handle(ListMemberListsQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var (from, to) = await MemberRecords.RangeAsync(organizations, scope, query.OrganizationId, cancellationToken);
        var today = clock.Today();
        Paged<MemberRow> rows;
        Func<MemberRow, (DateOnly? Date, int? Years)> because;
        Func<MemberRow, MedalMarks>? medal = null;
        MemberListNote? note = null;
        switch (query.Kind)
        {
            case MemberListKind.PoliticalBirthdays:
                var month = query.Month ?? today.Month;
                var year = query.Year ?? today.Year;
                rows = await db.QueryPageAsync<MemberRow>(
                    BirthdaysCountSql,
                    BirthdaysPageSql,
                    new
                    {
                        from,
                        to,
                        month,
                    },
                    query.Page,
                    ByDate("joined_on"),
                    cancellationToken
                );
                because = m =>
                    (
                        new DateOnly(year, month, Math.Min(m.JoinedOn!.Value.Day, DateTime.DaysInMonth(year, month))),
                        year - m.JoinedOn!.Value.Year
                    );
                break;
            case MemberListKind.MedalCandidates:
                var medalYear = query.Year ?? today.Year;
                var firstOfJuly = MedalRules.CountedOn(medalYear);
                rows = await db.QueryPageAsync<MemberRow>(
                    MedalCountSql,
                    MedalPageSql,
                    new
                    {
                        from,
                        to,
                        standingSince = MedalRules.ConvertedBy(medalYear),
                        year = medalYear,
                    },
                    query.Page,
                    ByDate("full_member_on"),
                    cancellationToken
                );
                because = m => (m.FullMemberOn, MemberRow.YearsBetween(m.FullMemberOn!.Value, firstOfJuly));
                medal = m => new MedalMarks(
                    MedalRules.IsNewlyDue(m.FullMemberOn!.Value, medalYear),
                    m.MedalYear == medalYear ? m.MedalYear : null,
                    m.MedalYear == medalYear ? m.MedalAwardedBy : null
                );
                break;
            case MemberListKind.LostContact:
                var lifeSince = today.AddMonths(-6);
                rows = await db.QueryPageAsync<MemberRow>(
                    LostCountSql,
                    LostPageSql,
                    new
                    {
                        from,
                        to,
                        lifeSince,
                        createdSince = new DateTimeOffset(
                            lifeSince.ToDateTime(TimeOnly.MinValue),
                            TimeSpan.FromHours(8)
                        ),
                    },
                    query.Page,
                    ByDate("last_org_life_on"),
                    cancellationToken
                );
                because = m => (m.LastOrgLifeOn, null);
                note = DuesNotRecorded;
                break;
            default:
                var until = today.AddDays(query.WithinDays ?? 30);
                var probationary = await db.QueryAsync<MemberRow>(
                    ProbationarySql,
                    new
                    {
                        from,
                        to,
                        until,
                    },
                    cancellationToken
                );
                var rulesByOrganization = await rules.MemberPipelineRulesAsync(
                    probationary.Select(m => m.OrgId).ToList(),
                    cancellationToken
                );
                DateOnly? EndsOn(MemberRow m) => m.ProbationEndsOn(rulesByOrganization[m.OrgId].ProbationMonths.Value);
                var due = probationary.Where(m => EndsOn(m) <= until).OrderBy(EndsOn).ThenBy(m => m.Id).ToList();
                rows = new Paged<MemberRow>(
                    due.Skip((query.Page.Page - 1) * query.Page.PageSize).Take(query.Page.PageSize).ToList(),
                    due.Count,
                    query.Page.Page,
                    query.Page.PageSize
                );
                because = m => (EndsOn(m), null);
                break;
        }
        var names = await organizations.NamesAsync(
            rows.Items.Select(m => m.OrgId).Distinct().ToList(),
            cancellationToken
        );
        var items = rows
            .Items.Select(m =>
            {
                var (date, years) = because(m);
                var marks = medal?.Invoke(m);
                return new MemberOnList(
                    m.Id,
                    m.OrgId,
                    names.GetValueOrDefault(m.OrgId, ""),
                    m.Name,
                    m.Gender,
                    MemberRow.YearsBetween(m.BirthDate, today),
                    m.Stage,
                    date,
                    years,
                    marks?.NewlyEligible,
                    marks?.Year,
                    marks?.AwardedBy,
                    m.Version
                );
            })
            .ToList();
        return new MemberListPage(items, rows.Total, rows.Page, rows.PageSize, note);
    }

    // 党章第九条 counts half a year without organization life, without dues or without the work the Party assigns.
    private static MemberListNote DuesNotRecorded =>
        new(
            "dues_not_recorded",
            Localized.Text(
                "党费缴纳尚未纳入本系统：本名单只按连续六个月未参加组织生活列出；党章第九条所说的"
                    + "六个月不交纳党费、不做党所分配的工作，请另行核对。",
                "Party dues are not recorded in this system yet: the list counts only six months without "
                    + "organization life; six months without dues or without assigned work (Party Constitution, "
                    + "Article 9) must be checked separately."
            )
        );

    private sealed record MedalMarks(bool NewlyEligible, int? Year, string? AwardedBy);

    /// <summary>Each list in the order of the date that put members on
    /// it (not a caller's choice, so no whitelist to parse).</summary>
    private static SortOrder ByDate(string column) =>
        SortOrder.Parse(null, new Dictionary<string, string> { ["date"] = column }, "date", "id");
}
