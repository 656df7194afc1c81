using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Members.GetMemberStatistics;

internal sealed record CountByKey
{
    public string Key { get; init; } = "";
    public long Count { get; init; }
}

/// <summary>
/// Of the members admitted (voted in as probationary) in one year, not of the whole register: how many, and
/// the shares (percent, one decimal) aged 35 or under on the day of admission (当年发展党员中35岁及以下占比),
/// with college education or more, and from the front line (in service or farmers).
/// </summary>
internal sealed record AdmissionShares(
    int Year,
    long Admitted,
    decimal? Aged35OrUnderShare,
    decimal? CollegeShare,
    decimal? FrontLineShare
);

internal sealed record MemberStatistics(
    long Members,
    IReadOnlyList<CountByKey> ByStage,
    IReadOnlyList<CountByKey> ByStatus,
    IReadOnlyList<CountByKey> ByCategory,
    IReadOnlyList<CountByKey> ByGender,
    IReadOnlyList<CountByKey> ByAgeBand,
    IReadOnlyList<CountByKey> ByEducation,
    AdmissionShares Admissions
);

internal sealed record GetMemberStatisticsQuery(Guid? OrganizationId, int? AdmittedYear) : IQuery<MemberStatistics>;

internal sealed class GetMemberStatisticsValidator : AbstractValidator<GetMemberStatisticsQuery>
{
    public GetMemberStatisticsValidator() => RuleFor(q => q.AdmittedYear).InclusiveBetween(1921, 9998);
}

internal sealed class GetMemberStatisticsHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    TimeProvider clock
) : IQueryHandler<GetMemberStatisticsQuery, MemberStatistics>
{
    private const string InRange = "FROM members WHERE org_path >= @from AND org_path < @to";

    private const string ByStatusSql = "SELECT status AS \"key\", COUNT(*) AS count " + InRange + " GROUP BY status";

    // Everything else counts the active register: members and people in the pipeline.
    private const string ByStageSql =
        "SELECT stage AS \"key\", COUNT(*) AS count " + InRange + " AND status = 'Active' GROUP BY stage";

    private const string ByCategorySql =
        "SELECT category AS \"key\", COUNT(*) AS count "
        + InRange
        + " AND status = 'Active' AND stage IN ('Probationary', 'Full') GROUP BY category";

    private const string ByGenderSql =
        "SELECT gender AS \"key\", COUNT(*) AS count "
        + InRange
        + " AND status = 'Active' AND stage IN ('Probationary', 'Full') GROUP BY gender";

    private const string ByEducationSql = """
        SELECT COALESCE(education, 'Unknown') AS "key", COUNT(*) AS count
        FROM members WHERE org_path >= @from AND org_path < @to AND status = 'Active' AND stage IN ('Probationary',
            'Full')
        GROUP BY COALESCE(education, 'Unknown')
        """;

    // Bands by birth date against today: born after the date N years ago means younger than N.
    private const string ByAgeBandSql = """
        SELECT band AS "key", COUNT(*) AS count FROM (
            SELECT CASE
                WHEN birth_date > @under31 THEN '30-'
                WHEN birth_date > @under36 THEN '31-35'
                WHEN birth_date > @under46 THEN '36-45'
                WHEN birth_date > @under56 THEN '46-55'
                WHEN birth_date > @under61 THEN '56-60'
                WHEN birth_date > @under71 THEN '61-70'
                ELSE '71+' END AS band
            FROM members WHERE org_path >= @from AND org_path < @to AND status = 'Active' AND stage IN ('Probationary',
                'Full')
        ) bands
        GROUP BY band
        """;

    private const string AdmissionsSql = """
        SELECT birth_date, education, category, joined_on
        FROM members WHERE org_path >= @from AND org_path < @to AND joined_on >= @yearStart AND joined_on <
            @nextYearStart
        """;

    public async ValueTask<MemberStatistics> Handle(GetMemberStatisticsQuery query, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var (from, to) = await Domain.MemberRecords.RangeAsync(
            organizations,
            scope,
            query.OrganizationId,
            cancellationToken
        );
        var today = clock.Today();
        var range = new { from, to };
        var byStage = await db.QueryAsync<CountByKey>(ByStageSql, range, cancellationToken);
        var ages = new
        {
            from,
            to,
            under31 = today.AddYears(-31),
            under36 = today.AddYears(-36),
            under46 = today.AddYears(-46),
            under56 = today.AddYears(-56),
            under61 = today.AddYears(-61),
            under71 = today.AddYears(-71),
        };
        var year = query.AdmittedYear ?? today.Year - 1;
        var admitted = await db.QueryAsync<AdmittedRow>(
            AdmissionsSql,
            new
            {
                from,
                to,
                yearStart = new DateOnly(year, 1, 1),
                nextYearStart = new DateOnly(year + 1, 1, 1),
            },
            cancellationToken
        );
        decimal? Share(Func<AdmittedRow, bool> counts) =>
            admitted.Count == 0 ? null : Math.Round(100m * admitted.Count(counts) / admitted.Count, 1);
        return new MemberStatistics(
            byStage.Where(s => s.Key is "Probationary" or "Full").Sum(s => s.Count),
            byStage,
            await db.QueryAsync<CountByKey>(ByStatusSql, range, cancellationToken),
            await db.QueryAsync<CountByKey>(ByCategorySql, range, cancellationToken),
            await db.QueryAsync<CountByKey>(ByGenderSql, range, cancellationToken),
            await db.QueryAsync<CountByKey>(ByAgeBandSql, ages, cancellationToken),
            await db.QueryAsync<CountByKey>(ByEducationSql, range, cancellationToken),
            new AdmissionShares(
                year,
                admitted.Count,
                Share(a => IsAged35OrUnder(a.BirthDate, a.JoinedOn)),
                Share(a => a.Education is "College" or "Bachelor" or "Master" or "Doctorate"),
                Share(a => a.Category is "InService" or "Farmer")
            )
        );
    }

    /// <summary>
    /// 党内统计 counts "35岁及以下": 35 itself is in, up to the day before the 36th birthday.
    /// </summary>
    internal static bool IsAged35OrUnder(DateOnly birthDate, DateOnly on) =>
        Domain.MemberRow.YearsBetween(birthDate, on) <= 35;

    private sealed record AdmittedRow
    {
        public DateOnly BirthDate { get; init; }
        public string? Education { get; init; }
        public string Category { get; init; } = "";
        public DateOnly JoinedOn { get; init; }
    }
}
