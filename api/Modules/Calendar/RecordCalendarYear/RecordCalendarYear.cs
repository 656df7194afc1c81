using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Calendar.Domain;
using Mediator;

namespace Jiceng.Modules.Calendar.RecordCalendarYear;

/// <summary>One date of the notice as entered: its day and what the notice calls it.</summary>
internal sealed record CalendarDayRequest(DateOnly? On, string Name);

/// <summary>
/// A year's calendar as the State Council's notice gives it: every holiday date (weekend days inside a holiday period
/// included) and every weekend day made a working day. The whole year is replaced.
/// </summary>
internal sealed record RecordCalendarYearRequest(
    string Notice,
    IReadOnlyList<CalendarDayRequest> Holidays,
    IReadOnlyList<CalendarDayRequest> WorkingDays
);

/// <summary>Enters a new year (no If-Match) or replaces an entered one (If-Match with its ETag).</summary>
internal sealed record RecordCalendarYearCommand(int Year, long? ExpectedVersion, RecordCalendarYearRequest Body)
    : ICommand<RecordCalendarYearResult>;

internal sealed record RecordCalendarYearResult(bool Created, CalendarYearResponse Calendar);

internal sealed class RecordCalendarYearValidator : AbstractValidator<RecordCalendarYearCommand>
{
    public RecordCalendarYearValidator()
    {
        RuleFor(c => c.Year).InclusiveBetween(CalendarYears.FirstYear, 2199).Field("year");
        RuleFor(c => c.Body.Notice).RequiredText().MaximumLength(200);
        RuleFor(c => c.Body.Holidays).NotNull().Must(h => h is null || h.Count <= 80);
        RuleFor(c => c.Body.WorkingDays).NotNull().Must(w => w is null || w.Count <= 30);
        RuleForEach(c => c.Body.Holidays).ChildRules(day => Day(day, weekendOnly: false));
        RuleForEach(c => c.Body.WorkingDays).ChildRules(day => Day(day, weekendOnly: true));
        RuleForEach(c => c.Body.Holidays)
            .Must((c, day) => InYear(c, day) && Once(c.Body.Holidays, day))
            .WithMessage((c, day) => Problem(c, day));
        RuleForEach(c => c.Body.WorkingDays)
            .Must((c, day) => InYear(c, day) && Once(c.Body.WorkingDays, day) && !Listed(c.Body.Holidays, day.On))
            .WithMessage(
                (c, day) =>
                    Listed(c.Body.Holidays, day.On)
                        ? Localized.Text(
                            "同一天不能既放假又调休上班。",
                            "A day cannot be both a holiday and a working day."
                        )
                        : Problem(c, day)
            );
    }

    private static bool InYear(RecordCalendarYearCommand c, CalendarDayRequest day) =>
        day?.On is null || day.On.Value.Year == c.Year;

    private static bool Once(IReadOnlyList<CalendarDayRequest> days, CalendarDayRequest day) =>
        day?.On is null || days.Count(d => d?.On == day.On) == 1;

    private static string Problem(RecordCalendarYearCommand c, CalendarDayRequest day) =>
        InYear(c, day)
            ? Localized.Text("同一日期只能录入一次。", "Each date can be entered once.")
            : Localized.Text($"日期须在 {c.Year} 年内。", $"The date must fall in {c.Year}.");

    private static void Day(InlineValidator<CalendarDayRequest> day, bool weekendOnly)
    {
        day.RuleFor(d => d.On).NotNull();
        day.RuleFor(d => d.Name).RequiredText().MaximumLength(20);
        if (weekendOnly)
        {
            day.RuleFor(d => d.On)
                .Must(on => on is null || on.Value.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                .WithMessage(_ =>
                    Localized.Text(
                        "调休上班日须是周六或周日（周一至周五本来就是工作日）。",
                        "A make-up working day is a Saturday or Sunday (Monday to Friday already are working days)."
                    )
                );
        }
    }

    private static bool Listed(IReadOnlyList<CalendarDayRequest>? days, DateOnly? on) =>
        on is not null && days is not null && days.Any(d => d?.On == on);
}

internal sealed class RecordCalendarYearHandler(DbSession db, AuditTrail audit, TimeProvider clock)
    : ICommandHandler<RecordCalendarYearCommand, RecordCalendarYearResult>
{
    // A new year is one statement; a year already entered makes the primary key refuse it (409, send If-Match).
    private const string InsertYearSql = """
        INSERT INTO calendar_years (year, notice, created_at, updated_at, version)
        VALUES (@year, @notice, @now, @now, 1)
        """;

    private const string UpdateYearSql = """
        UPDATE calendar_years SET notice = @notice, updated_at = @now, version = version + 1
        WHERE year = @year AND version = @expectedVersion
        """;

    private const string DeleteDaysSql = "DELETE FROM calendar_days WHERE year = @year";

    private const string InsertDaySql = """
        INSERT INTO calendar_days (day, year, kind, name) VALUES (@day, @year, @kind, @name)
        """;

    private const string ExistsSql = "SELECT COUNT(*) FROM calendar_years WHERE year = @year";

    public async ValueTask<RecordCalendarYearResult> Handle(
        RecordCalendarYearCommand command,
        CancellationToken cancellationToken
    )
    {
        var year = command.Year;
        // The State Council publishes the next year's notice late in the year; further ahead nothing is known yet.
        var latest = clock.Today().Year + 1;
        if (year > latest)
        {
            throw CalendarErrors.YearTooFar(year, latest);
        }
        var body = command.Body;
        var now = clock.GetUtcNow();
        var created = command.ExpectedVersion is null;
        if (created)
        {
            await db.ExecuteOrConflictAsync(
                InsertYearSql,
                new
                {
                    year,
                    notice = body.Notice.Trim(),
                    now,
                },
                () => CalendarErrors.YearExists(year),
                cancellationToken
            );
        }
        else
        {
            var before =
                await db.ExecuteScalarAsync<long>(ExistsSql, new { year }, cancellationToken) > 0
                    ? await CalendarYears.LoadAsync(db, year, cancellationToken)
                    : null;
            var updated = await db.ExecuteAsync(
                UpdateYearSql,
                new
                {
                    year,
                    notice = body.Notice.Trim(),
                    now,
                    expectedVersion = command.ExpectedVersion,
                },
                cancellationToken
            );
            if (updated != 1)
            {
                throw new PreconditionFailedException();
            }
            audit.SetBefore(before);
            await db.ExecuteAsync(DeleteDaysSql, new { year }, cancellationToken);
        }
        var days = body
            .Holidays.Select(d => (d, CalendarDayKind.Holiday))
            .Concat(body.WorkingDays.Select(d => (d, CalendarDayKind.WorkingDay)))
            .Select(x => new
            {
                day = x.d.On!.Value,
                year,
                kind = x.Item2.ToString(),
                name = x.d.Name.Trim(),
            })
            .ToList();
        if (days.Count > 0)
        {
            await db.ExecuteAsync(InsertDaySql, days, cancellationToken);
        }
        var calendar = await CalendarYears.LoadAsync(db, year, cancellationToken);
        audit.Record(
            new AuditRecord(
                "RecordCalendarYear",
                "CalendarYear",
                year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                null,
                audit.Before,
                calendar with
                {
                    UpdatedAt = default,
                }
            )
        );
        return new RecordCalendarYearResult(created, calendar);
    }
}
