using FluentValidation;
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

    /// <summary>光荣在党50年: full members with party standing (from conversion) of 50 years or more on 1 July of the year.</summary>
    [Label("光荣在党50年", "50 years in the Party")]
    MedalCandidates,

    /// <summary>失联风险: no organization life for six months.</summary>
    [Label("失联风险", "Lost contact")]
    LostContact,

    /// <summary>Probations ending within the days asked (conversion due).</summary>
    [Label("预备期将满", "Probations ending")]
    ExpiringProbations,
}

/// <summary>A member on a list, with the date that put them there and the years it counts.</summary>
internal sealed record MemberOnList(
    Guid Id,
    Guid OrganizationId,
    string OrganizationName,
    string Name,
    Gender Gender,
    int Age,
    MemberStage Stage,
    DateOnly? Date,
    int? Years
);

internal sealed record ListMemberListsQuery(
    MemberListKind Kind,
    Guid? OrganizationId,
    int? Month,
    int? Year,
    int? WithinDays,
    PageRequest Page
) : IQuery<Paged<MemberOnList>>;

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
    IOrganizationRules rules,
    TimeProvider clock
) : IQueryHandler<ListMemberListsQuery, Paged<MemberOnList>>
{
    private const string Scope = "org_path >= @from AND org_path < @to AND status = 'Active'";

    private const string BirthdaysFilter =
        "FROM members WHERE " + Scope + " AND stage IN ('Probationary', 'Full') AND {month:joined_on} = @month";

    private const string BirthdaysCountSql = "SELECT COUNT(*) " + BirthdaysFilter;

    private const string BirthdaysPageSql =
        "SELECT " + MemberRecords.Columns + " " + BirthdaysFilter + " ORDER BY {orderBy} {page}";

    private const string MedalFilter =
        "FROM members WHERE " + Scope + " AND stage = 'Full' AND full_member_on <= @standingSince";

    private const string MedalCountSql = "SELECT COUNT(*) " + MedalFilter;

    private const string MedalPageSql =
        "SELECT " + MemberRecords.Columns + " " + MedalFilter + " ORDER BY {orderBy} {page}";

    // Never recorded counts from when the record was made, so a newly registered member is not flagged at once.
    private const string LostFilter = """
        FROM members WHERE org_path >= @from AND org_path < @to AND status = 'Active' AND stage IN ('Probationary', 'Full')
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
        + " FROM members WHERE org_path >= @from AND org_path < @to AND status = 'Active' AND stage = 'Probationary' AND joined_on <= @until ORDER BY joined_on, id";

    public async ValueTask<Paged<MemberOnList>> Handle(ListMemberListsQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var (from, to) = await MemberRecords.RangeAsync(organizations, scope, query.OrganizationId, cancellationToken);
        var today = clock.Today();
        Paged<MemberRow> rows;
        Func<MemberRow, (DateOnly? Date, int? Years)> because;
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
                var firstOfJuly = new DateOnly(medalYear, 7, 1);
                rows = await db.QueryPageAsync<MemberRow>(
                    MedalCountSql,
                    MedalPageSql,
                    new
                    {
                        from,
                        to,
                        standingSince = firstOfJuly.AddYears(-50),
                    },
                    query.Page,
                    ByDate("full_member_on"),
                    cancellationToken
                );
                because = m => (m.FullMemberOn, MemberRow.YearsBetween(m.FullMemberOn!.Value, firstOfJuly));
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
        return rows.Map(m =>
        {
            var (date, years) = because(m);
            return new MemberOnList(
                m.Id,
                m.OrgId,
                names.GetValueOrDefault(m.OrgId, ""),
                m.Name,
                m.Gender,
                MemberRow.YearsBetween(m.BirthDate, today),
                m.Stage,
                date,
                years
            );
        });
    }

    /// <summary>Each list in the order of the date that put members on it (not a caller's choice, so no whitelist to parse).</summary>
    private static SortOrder ByDate(string column) =>
        SortOrder.Parse(null, new Dictionary<string, string> { ["date"] = column }, "date", "id");
}
