using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Assistance.GetAssistanceStatistics;

/// <summary>
/// The care fund's figures for a subtree (default: the caller's scope) over one year, a range of years, or all
/// years: money in by source, out by payment kind, aid by category and approval tier, people helped, averages,
/// visits, active helper pairs and help logs, and the same by year for charts.
/// </summary>
internal sealed record GetAssistanceStatisticsQuery(Guid? OrganizationId, int? Year, int? FromYear, int? ToYear)
    : IQuery<AssistanceStatistics>;

internal sealed record SourceFigure(FundSource Source, long Count, Money Amount);

internal sealed record PaymentKindFigure(PaymentKind Kind, long Count, Money Amount);

internal sealed record CategoryFigure(AssistanceCategory Category, long Count, Money Amount);

internal sealed record TierFigure(ApprovalTier Tier, long Count, Money Amount);

/// <summary>The figures of one period. Money out is what was paid to people less what was reversed.</summary>
internal sealed record CareFigures
{
    public Money MoneyIn { get; init; }
    public IReadOnlyList<SourceFigure> InBySource { get; init; } = [];
    public Money MoneyOut { get; init; }
    public IReadOnlyList<PaymentKindFigure> OutByKind { get; init; } = [];
    public IReadOnlyList<CategoryFigure> AidByCategory { get; init; } = [];
    public IReadOnlyList<TierFigure> AidByTier { get; init; } = [];
    public long Payments { get; init; }
    public long PeopleHelped { get; init; }
    public Money AveragePerPerson { get; init; }
    public Money AveragePerPayment { get; init; }
    public long Visits { get; init; }
    public long PairsActive { get; init; }
    public long HelpLogs { get; init; }
}

/// <summary>One year of the series for charts.</summary>
internal sealed record CareYear
{
    public int Year { get; init; }
    public Money MoneyIn { get; init; }
    public Money MoneyOut { get; init; }
    public long Payments { get; init; }
    public long PeopleHelped { get; init; }
    public Money AveragePerPerson { get; init; }
    public long Visits { get; init; }
    public long PairsActive { get; init; }
    public long HelpLogs { get; init; }
}

internal sealed record AssistanceStatistics(
    Guid? OrganizationId,
    int? FromYear,
    int? ToYear,
    CareFigures Totals,
    IReadOnlyList<CareYear> Years
);

internal sealed class GetAssistanceStatisticsValidator : AbstractValidator<GetAssistanceStatisticsQuery>
{
    public GetAssistanceStatisticsValidator()
    {
        RuleFor(q => q.Year).InclusiveBetween(2000, 2199).Field("year");
        RuleFor(q => q.FromYear).InclusiveBetween(2000, 2199).Field("fromYear");
        RuleFor(q => q.ToYear).InclusiveBetween(2000, 2199).Field("toYear");
        RuleFor(q => q.ToYear)
            .GreaterThanOrEqualTo(q => q.FromYear)
            .When(q => q.FromYear is not null)
            .Field("toYear")
            .WithMessage(_ =>
                Localized.Text("截止年度不能早于起始年度。", "The last year cannot be before the first.")
            );
        RuleFor(q => q.Year)
            .Null()
            .When(q => q.FromYear is not null || q.ToYear is not null)
            .Field("year")
            .WithMessage(_ =>
                Localized.Text("按年度或按起止年度查询，二者选一。", "Give either a year or a range of years.")
            );
    }
}

internal sealed class GetAssistanceStatisticsHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations
) : IQueryHandler<GetAssistanceStatisticsQuery, AssistanceStatistics>
{
    // The longest series the charts get: a range wider than this is cut to its latest years.
    private const int MaxSeriesYears = 30;

    public async ValueTask<AssistanceStatistics> Handle(
        GetAssistanceStatisticsQuery query,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var (pathFrom, pathTo) = (scope.From, scope.To);
        if (query.OrganizationId is { } organizationId)
        {
            var subtree =
                await organizations.SubtreeWithinAsync(organizationId, scope, cancellationToken)
                ?? throw new NotFoundException("organization");
            (pathFrom, pathTo) = (subtree.PathFrom, subtree.PathTo);
        }
        var figures = new CareFigureQueries(db, pathFrom, pathTo);
        var fromYear = query.Year ?? query.FromYear;
        var toYear = query.Year ?? query.ToYear;
        var active = await figures.ActiveYearsAsync(cancellationToken);
        var first = fromYear ?? active?.First;
        var last = toYear ?? active?.Last;
        var years = new List<CareYear>();
        CareFigures totals;
        if (first is { } f && last is { } l && f <= l)
        {
            totals = await figures.FiguresAsync(Start(f), Start(l + 1), cancellationToken);
            for (var year = Math.Max(f, l - MaxSeriesYears + 1); year <= l; year++)
            {
                var y = await figures.FiguresAsync(Start(year), Start(year + 1), cancellationToken);
                years.Add(
                    new CareYear
                    {
                        Year = year,
                        MoneyIn = y.MoneyIn,
                        MoneyOut = y.MoneyOut,
                        Payments = y.Payments,
                        PeopleHelped = y.PeopleHelped,
                        AveragePerPerson = y.AveragePerPerson,
                        Visits = y.Visits,
                        PairsActive = y.PairsActive,
                        HelpLogs = y.HelpLogs,
                    }
                );
            }
        }
        else
        {
            totals = new CareFigures();
        }
        return new AssistanceStatistics(query.OrganizationId, fromYear, toYear, totals, years);
    }

    private static DateOnly Start(int year) => new(Math.Clamp(year, 1, 9999), 1, 1);
}
