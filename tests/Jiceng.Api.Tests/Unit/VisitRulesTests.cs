using Jiceng.Modules.Assistance.Domain;

namespace Jiceng.Tests.Unit;

/// <summary>Holiday visits, stale pairings and the yearly recheck, at their boundaries.</summary>
public sealed class VisitRulesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [TestCase(2025, "2025-01-29")]
    [TestCase(2026, "2026-02-17")]
    [TestCase(2027, "2027-02-06")]
    public void The_Spring_Festival_is_the_first_day_of_the_lunar_year(int year, string day) =>
        Assert.That(VisitRules.DayOf(VisitOccasion.SpringFestival, year), Is.EqualTo(D(day)));

    [Test]
    public void The_Party_anniversary_is_1_July() =>
        Assert.That(VisitRules.DayOf(VisitOccasion.PartyAnniversary, 2026), Is.EqualTo(D("2026-07-01")));

    [TestCase("2026-01-17", false)]
    [TestCase("2026-01-18", true)]
    [TestCase("2026-02-17", true)]
    [TestCase("2026-02-18", false)]
    public void A_visit_is_on_time_from_the_windows_first_day_through_the_holiday(string visitedOn, bool onTime) =>
        Assert.That(VisitRules.OnTime(D(visitedOn), D("2026-02-17"), 30), Is.EqualTo(onTime));

    [TestCase("2026-02-17", false)]
    [TestCase("2026-02-18", true)]
    public void An_unvisited_entry_is_overdue_the_day_after_the_holiday(string today, bool overdue) =>
        Assert.Multiple(() =>
        {
            Assert.That(VisitRules.Overdue(null, D("2026-02-17"), D(today)), Is.EqualTo(overdue));
            Assert.That(VisitRules.Overdue(D("2026-02-01"), D("2026-02-17"), D(today)), Is.False);
        });

    [TestCase(false, 80, 49, 4)]
    [TestCase(false, 79, 49, 0)]
    [TestCase(false, 79, 50, 2)]
    [TestCase(true, 60, null, 1)]
    [TestCase(true, 85, 60, 7)]
    public void Who_is_due_a_visit(bool inHardship, int age, int? standing, int expected) =>
        Assert.That((int)VisitRules.ReasonsFor(inHardship, age, standing, 80, 50), Is.EqualTo(expected));

    [Test]
    public void Reasons_split_into_their_names() =>
        Assert.That(
            VisitRules.Split(VisitReason.Elderly | VisitReason.MartyrFamily),
            Is.EqualTo(new[] { VisitReason.Elderly, VisitReason.MartyrFamily })
        );

    [TestCase("2026-03-15", "2026-06-14", false)]
    [TestCase("2026-03-15", "2026-06-15", true)]
    [TestCase(null, "2026-04-30", false)]
    [TestCase(null, "2026-05-01", true)]
    public void A_pair_is_stale_after_three_whole_months_without_a_log(string? lastLog, string today, bool stale) =>
        Assert.That(
            CareRules.IsStale(D("2026-02-01"), lastLog is null ? null : D(lastLog), D(today), 3),
            Is.EqualTo(stale)
        );

    [Test]
    public void A_log_dated_before_the_pair_began_does_not_make_it_older() =>
        Assert.Multiple(() =>
        {
            Assert.That(CareRules.LastActivity(D("2026-02-01"), D("2026-01-01")), Is.EqualTo(D("2026-02-01")));
            Assert.That(CareRules.IsStale(D("2026-02-01"), D("2026-01-01"), D("2026-04-30"), 3), Is.False);
        });

    [TestCase(null, "2026-02-28", false)]
    [TestCase(null, "2026-03-01", true)]
    [TestCase("2026-01-10", "2027-01-09", false)]
    [TestCase("2026-01-10", "2027-01-10", true)]
    public void The_recheck_is_due_a_year_after_entry_or_the_last_recheck(string? last, string today, bool due) =>
        Assert.That(
            CareRules.RecheckDue(D("2025-03-01"), last is null ? null : D(last), D(today), 12),
            Is.EqualTo(due)
        );
}
