using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.GetVolunteeringStatistics;

/// <summary>How many demands of the year are in one state, or of one category.</summary>
internal sealed record DemandStateCount(DemandState State, long Count);

internal sealed record DemandCategoryCount(string Category, long Count);

/// <summary>
/// Demands placed in the year: by state and category; claimed (ever given a claimant: dispatched or claimed) and done
/// (completed, rated or closed); median hours from placing to acceptance, from acceptance to a claimant, and from
/// placing to completion; the share of completed ones done by the wished-for date (a demand without one is on time),
/// as a percentage; the average of the ratings given.
/// </summary>
internal sealed record DemandFigures(
    long Placed,
    long Claimed,
    long Done,
    IReadOnlyList<DemandStateCount> ByState,
    IReadOnlyList<DemandCategoryCount> ByCategory,
    decimal? MedianHoursToAccept,
    decimal? MedianHoursToClaim,
    decimal? MedianHoursToComplete,
    long Completed,
    long CompletedOnTime,
    decimal? OnTimePercent,
    long Rated,
    decimal? AverageRating
);

/// <summary>Micro-wishes placed in the year and how far they got (claimed includes those since delivered).</summary>
internal sealed record WishFigures(long Placed, long Claimed, long Delivered, long Received);

/// <summary>Teams and volunteers registered now; volunteers who served in the year (a completed session).</summary>
internal sealed record TeamFigures(long Teams, long Volunteers, long MemberVolunteers, long Served);

/// <summary>Service hours of one month: activity sessions credited, and helpers' hours on completed demands.</summary>
internal sealed record MonthHours(int Month, decimal ActivityHours, decimal DemandHours);

internal sealed record VolunteeringStatistics(
    Guid? OrganizationId,
    bool Descendants,
    int Year,
    DemandFigures Demands,
    WishFigures Wishes,
    TeamFigures Teams,
    decimal ActivityHours,
    decimal DemandHours,
    IReadOnlyList<MonthHours> HoursByMonth
);

/// <summary>
/// 统计分析: a year's figures of the caller's subtree, or of one organization with or without its descendants.
/// </summary>
internal sealed record GetVolunteeringStatisticsQuery(Guid? OrganizationId, bool? Descendants, int? Year)
    : IQuery<VolunteeringStatistics>;

internal sealed class GetVolunteeringStatisticsValidator : AbstractValidator<GetVolunteeringStatisticsQuery>
{
    public GetVolunteeringStatisticsValidator() => RuleFor(q => q.Year).InclusiveBetween(2000, 2199);
}

internal sealed class GetVolunteeringStatisticsHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    TimeProvider clock
) : IQueryHandler<GetVolunteeringStatisticsQuery, VolunteeringStatistics>
{
    // everyOne = 0 (without descendants) keeps only the organization's own rows.
    private const string DemandCountsSql = """
        SELECT state, category, COUNT(*) AS count,
            SUM(CASE WHEN completed_on IS NOT NULL AND (wished_on IS NULL OR completed_on <= wished_on)
                THEN 1 ELSE 0 END) AS on_time,
            SUM(CASE WHEN completed_on IS NOT NULL THEN 1 ELSE 0 END) AS completed,
            SUM(CASE WHEN stars IS NOT NULL THEN 1 ELSE 0 END) AS rated,
            SUM(COALESCE(stars, 0)) AS stars
        FROM volunteer_demands
        WHERE org_path >= @from AND org_path < @to AND (@everyOne = 1 OR org_id = @organizationId)
          AND submitted_on >= @yearFrom AND submitted_on < @yearTo
        GROUP BY state, category
        """;

    private const string DemandTimesSql = """
        SELECT created_at, accepted_at, assigned_at, completed_at FROM volunteer_demands
        WHERE org_path >= @from AND org_path < @to AND (@everyOne = 1 OR org_id = @organizationId)
          AND submitted_on >= @yearFrom AND submitted_on < @yearTo AND accepted_at IS NOT NULL
        """;

    private const string WishCountsSql = """
        SELECT COUNT(*) AS placed,
            SUM(CASE WHEN state IN ('Claimed', 'Delivered', 'Received') THEN 1 ELSE 0 END) AS claimed,
            SUM(CASE WHEN state IN ('Delivered', 'Received') THEN 1 ELSE 0 END) AS delivered,
            SUM(CASE WHEN state = 'Received' THEN 1 ELSE 0 END) AS received
        FROM micro_wishes
        WHERE org_path >= @from AND org_path < @to AND (@everyOne = 1 OR org_id = @organizationId)
          AND placed_on >= @yearFrom AND placed_on < @yearTo
        """;

    private const string TeamCountSql = """
        SELECT COUNT(*) FROM volunteer_teams
        WHERE org_path >= @from AND org_path < @to AND (@everyOne = 1 OR org_id = @organizationId)
        """;

    private const string VolunteerCountsSql = """
        SELECT COUNT(*) AS volunteers, SUM(CASE WHEN member_id IS NOT NULL THEN 1 ELSE 0 END) AS members
        FROM volunteers
        WHERE org_path >= @from AND org_path < @to AND (@everyOne = 1 OR org_id = @organizationId)
        """;

    private const string ServedSql = """
        SELECT COUNT(DISTINCT volunteer_id) FROM volunteer_sessions
        WHERE org_path >= @from AND org_path < @to AND (@everyOne = 1 OR org_id = @organizationId)
          AND state = 'Completed' AND service_day >= @yearFrom AND service_day < @yearTo
        """;

    // Per day, not per month: month arithmetic differs by database, a year has at most 366 days.
    private const string SessionDaysSql = """
        SELECT service_day AS day, SUM(credited_half_hours) AS amount FROM volunteer_sessions
        WHERE org_path >= @from AND org_path < @to AND (@everyOne = 1 OR org_id = @organizationId)
          AND state = 'Completed' AND service_day >= @yearFrom AND service_day < @yearTo
        GROUP BY service_day
        """;

    private const string HelperDaysSql = """
        SELECT h.served_on AS day, SUM(h.minutes) AS amount
        FROM volunteer_demand_helpers h JOIN volunteer_demands d ON d.id = h.demand_id
        WHERE d.org_path >= @from AND d.org_path < @to AND (@everyOne = 1 OR d.org_id = @organizationId)
          AND h.served_on >= @yearFrom AND h.served_on < @yearTo
        GROUP BY h.served_on
        """;

    private static readonly DemandState[] ClaimedStates =
    [
        DemandState.Assigned,
        DemandState.InService,
        DemandState.Completed,
        DemandState.Rated,
        DemandState.Closed,
    ];

    private static readonly DemandState[] DoneStates = [DemandState.Completed, DemandState.Rated, DemandState.Closed];

    public async ValueTask<VolunteeringStatistics> Handle(
        GetVolunteeringStatisticsQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var (from, to) = (scope.From, scope.To);
        if (query.OrganizationId is { } organizationId)
        {
            var subtree =
                await organizations.SubtreeWithinAsync(organizationId, scope, cancellationToken)
                ?? throw VolunteeringErrors.OrganizationNotFound();
            (from, to) = (subtree.PathFrom, subtree.PathTo);
        }
        // Without descendants only the organization's own rows count; that needs an organization.
        var descendants = (query.Descendants ?? true) || query.OrganizationId is null;
        var year = query.Year ?? clock.Today().Year;
        var parameters = new
        {
            from,
            to,
            organizationId = query.OrganizationId ?? Guid.Empty,
            everyOne = descendants ? 1 : 0,
            yearFrom = new DateOnly(year, 1, 1),
            yearTo = new DateOnly(year + 1, 1, 1),
        };
        var demands = await DemandFiguresAsync(DemandCountsSql, DemandTimesSql, parameters, cancellationToken);
        var wishes = (await db.QuerySingleOrDefaultAsync<WishRow>(WishCountsSql, parameters, cancellationToken))!;
        var volunteers = (
            await db.QuerySingleOrDefaultAsync<VolunteerRow>(VolunteerCountsSql, parameters, cancellationToken)
        )!;
        var teams = new TeamFigures(
            await db.ExecuteScalarAsync<long>(TeamCountSql, parameters, cancellationToken),
            volunteers.Volunteers,
            volunteers.Members ?? 0,
            await db.ExecuteScalarAsync<long>(ServedSql, parameters, cancellationToken)
        );
        var sessionDays = await db.QueryAsync<DayAmount>(SessionDaysSql, parameters, cancellationToken);
        var helperDays = await db.QueryAsync<DayAmount>(HelperDaysSql, parameters, cancellationToken);
        var months = Enumerable
            .Range(1, 12)
            .Select(month => new MonthHours(
                month,
                sessionDays.Where(d => d.Day.Month == month).Sum(d => d.Amount) / 2m,
                HoursOfMinutes(helperDays.Where(d => d.Day.Month == month).Sum(d => d.Amount))
            ))
            .ToList();
        return new VolunteeringStatistics(
            query.OrganizationId,
            descendants,
            year,
            demands,
            new WishFigures(wishes.Placed, wishes.Claimed ?? 0, wishes.Delivered ?? 0, wishes.Received ?? 0),
            teams,
            months.Sum(m => m.ActivityHours),
            months.Sum(m => m.DemandHours),
            months
        );
    }

    private async Task<DemandFigures> DemandFiguresAsync(
        string countsSql,
        string timesSql,
        object parameters,
        CancellationToken cancellationToken
    )
    {
        var rows = await db.QueryAsync<DemandRow>(countsSql, parameters, cancellationToken);
        var times = await db.QueryAsync<TimesRow>(timesSql, parameters, cancellationToken);
        var byState = Enum.GetValues<DemandState>()
            .Select(state => new DemandStateCount(state, rows.Where(r => r.State == state).Sum(r => r.Count)))
            .ToList();
        var byCategory = rows.GroupBy(r => r.Category)
            .Select(g => new DemandCategoryCount(g.Key, g.Sum(r => r.Count)))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Category, StringComparer.Ordinal)
            .ToList();
        var completed = rows.Sum(r => r.Completed ?? 0);
        var onTime = rows.Sum(r => r.OnTime ?? 0);
        var rated = rows.Sum(r => r.Rated ?? 0);
        var stars = rows.Sum(r => r.Stars ?? 0);
        return new DemandFigures(
            rows.Sum(r => r.Count),
            rows.Where(r => ClaimedStates.Contains(r.State)).Sum(r => r.Count),
            rows.Where(r => DoneStates.Contains(r.State)).Sum(r => r.Count),
            byState,
            byCategory,
            MedianHours(times.Select(t => (TimeSpan?)(t.AcceptedAt - t.CreatedAt))),
            MedianHours(times.Where(t => t.AssignedAt is not null).Select(t => t.AssignedAt - t.AcceptedAt)),
            MedianHours(times.Where(t => t.CompletedAt is not null).Select(t => t.CompletedAt - t.CreatedAt)),
            completed,
            onTime,
            completed == 0 ? null : Math.Round(100m * onTime / completed, 1),
            rated,
            rated == 0 ? null : Math.Round((decimal)stars / rated, 2)
        );
    }

    /// <summary>The median of the durations in hours to one decimal (the mean of the middle two of an even count);
    /// null when there are none.</summary>
    internal static decimal? MedianHours(IEnumerable<TimeSpan?> durations)
    {
        var hours = durations
            .Where(d => d is not null)
            .Select(d => (decimal)d!.Value.TotalMinutes / 60m)
            .Order()
            .ToList();
        if (hours.Count == 0)
        {
            return null;
        }
        var middle = hours.Count / 2;
        var median = hours.Count % 2 == 1 ? hours[middle] : (hours[middle - 1] + hours[middle]) / 2m;
        return Math.Round(median, 1);
    }

    private static decimal HoursOfMinutes(long minutes) => Math.Round(minutes / 60m, 1);

    private sealed record DemandRow
    {
        public DemandState State { get; init; }
        public string Category { get; init; } = "";
        public long Count { get; init; }
        public long? OnTime { get; init; }
        public long? Completed { get; init; }
        public long? Rated { get; init; }
        public long? Stars { get; init; }
    }

    private sealed record TimesRow
    {
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset AcceptedAt { get; init; }
        public DateTimeOffset? AssignedAt { get; init; }
        public DateTimeOffset? CompletedAt { get; init; }
    }

    private sealed record WishRow
    {
        public long Placed { get; init; }
        public long? Claimed { get; init; }
        public long? Delivered { get; init; }
        public long? Received { get; init; }
    }

    private sealed record VolunteerRow
    {
        public long Volunteers { get; init; }
        public long? Members { get; init; }
    }

    private sealed record DayAmount
    {
        public DateOnly Day { get; init; }
        public long Amount { get; init; }
    }
}
