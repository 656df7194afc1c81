using Jiceng.Infrastructure.Http;
using Jiceng.Migrations;
using Jiceng.Modules.Calendar.Domain;

namespace Jiceng.Tests.Unit;

/// <summary>Working days over the State Council's notices as the migration loads them, at their boundaries.</summary>
public sealed class WorkingCalendarTests
{
    private static readonly WorkingDayRules Official = new(
        OfficialHolidays2020To2026.Years.Select(y => y.Year).ToHashSet(),
        OfficialHolidays2020To2026
            .Years.SelectMany(y => y.Days())
            .ToDictionary(d => d.Day, d => Enum.Parse<CalendarDayKind>(d.Kind))
    );

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [TestCase("2025-10-01", "2025-10-07", 0, TestName = "Golden Week 2025 has no working day")]
    [TestCase("2025-10-01", "2025-10-08", 0, TestName = "Golden Week 2025 with Mid-Autumn: eight days off")]
    [TestCase("2025-09-28", "2025-09-28", 1, TestName = "The Sunday before Golden Week 2025 is worked")]
    [TestCase("2025-10-11", "2025-10-12", 1, TestName = "The Saturday after Golden Week 2025 is worked, Sunday not")]
    [TestCase("2025-09-29", "2025-10-10", 4, TestName = "Around Golden Week 2025: two days before, two after")]
    [TestCase("2025-01-27", "2025-02-07", 4, TestName = "Spring Festival 2025: Monday before and three days after")]
    [TestCase("2025-01-26", "2025-01-26", 1, TestName = "Spring Festival 2025: the Sunday before is worked")]
    [TestCase("2026-02-09", "2026-02-28", 11, TestName = "Spring Festival 2026 with its two make-up Saturdays")]
    [TestCase("2026-02-14", "2026-02-14", 1, TestName = "Spring Festival 2026: Saturday 14 February is worked")]
    [TestCase("2026-02-15", "2026-02-23", 0, TestName = "Spring Festival 2026: nine days off")]
    [TestCase("2020-01-24", "2020-02-02", 0, TestName = "Spring Festival 2020 as extended: to 2 February")]
    [TestCase("2022-12-30", "2023-01-03", 2, TestName = "New Year 2023 across the year boundary")]
    [TestCase("2026-06-01", "2026-06-05", 5, TestName = "An ordinary week is Monday to Friday")]
    [TestCase("2026-06-08", "2026-06-01", 0, TestName = "An end before the start counts nothing")]
    public void Working_days_follow_the_notice(string from, string to, int days) =>
        Assert.That(Official.Count(D(from), D(to)), Is.EqualTo(days));

    [TestCase("2025-09-30", 5, "2025-10-13", TestName = "Five working days from the eve of Golden Week 2025")]
    [TestCase(
        "2025-10-01",
        1,
        "2025-10-09",
        TestName = "A period starting on a holiday starts on the next working day"
    )]
    [TestCase("2026-02-13", 2, "2026-02-14", TestName = "A make-up Saturday ends a period")]
    [TestCase("2022-12-30", 2, "2023-01-03", TestName = "A period runs across the year boundary")]
    public void A_period_of_working_days_ends_on_its_last_working_day(string from, int days, string end) =>
        Assert.That(Official.EndOfPeriod(D(from), days), Is.EqualTo(D(end)));

    [Test]
    public void A_date_in_a_year_without_a_calendar_is_refused_with_the_year()
    {
        var counting = Assert.Throws<BusinessRuleException>(() => Official.Count(D("2026-12-28"), D("2027-01-05")))!;
        var ending = Assert.Throws<BusinessRuleException>(() => Official.EndOfPeriod(D("2026-12-30"), 5))!;
        var before = Assert.Throws<BusinessRuleException>(() => Official.Count(D("2019-12-30"), D("2020-01-03")))!;
        Assert.Multiple(() =>
        {
            Assert.That(counting.Code, Is.EqualTo("calendar_year_missing"));
            Assert.That(counting.Details["year"], Is.EqualTo(2027));
            Assert.That(ending.Details["year"], Is.EqualTo(2027));
            Assert.That(before.Details["year"], Is.EqualTo(2019));
            Assert.That(Official.Count(D("2026-12-28"), D("2026-12-31")), Is.EqualTo(4), "2026 itself is known");
        });
    }

    [Test]
    public void Every_year_from_2020_to_2026_lists_only_weekend_days_as_make_up_working_days()
    {
        var days = OfficialHolidays2020To2026.Years.SelectMany(y => y.Days().Select(d => (y.Year, d))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(OfficialHolidays2020To2026.Years.Select(y => y.Year), Is.EqualTo(Enumerable.Range(2020, 7)));
            Assert.That(
                days.Where(x => x.d.Kind == "WorkingDay")
                    .Select(x => x.d.Day)
                    .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)),
                Is.Empty
            );
            Assert.That(days.Where(x => x.d.Day.Year != x.Year), Is.Empty, "each date under its own year");
            Assert.That(days.Select(x => x.d.Day).Distinct().Count(), Is.EqualTo(days.Count), "each date once");
        });
    }
}
