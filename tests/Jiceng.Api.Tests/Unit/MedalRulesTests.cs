using Jiceng.Modules.Members.Domain;

namespace Jiceng.Tests.Unit;

/// <summary>光荣在党50年 at its boundaries: 50 years of standing from conversion, counted on 1 July.</summary>
public sealed class MedalRulesTests
{
    [TestCase("1976-07-01", 2026, true, true)]
    [TestCase("1976-07-02", 2026, false, false)]
    [TestCase("1975-07-02", 2026, true, true)]
    [TestCase("1975-07-01", 2026, true, false)]
    public void Due_and_newly_due_on_1_July(string convertedOn, int year, bool due, bool newly)
    {
        var fullMemberOn = DateOnly.Parse(convertedOn, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(MedalRules.IsDue(fullMemberOn, year), Is.EqualTo(due));
            Assert.That(MedalRules.IsNewlyDue(fullMemberOn, year), Is.EqualTo(newly));
        });
    }

    [TestCase("1976-07-01", 2026)]
    [TestCase("1976-07-02", 2027)]
    [TestCase("1976-01-01", 2026)]
    public void The_first_year_due(string convertedOn, int year) =>
        Assert.That(
            MedalRules.FirstYearDue(DateOnly.Parse(convertedOn, System.Globalization.CultureInfo.InvariantCulture)),
            Is.EqualTo(year)
        );
}
