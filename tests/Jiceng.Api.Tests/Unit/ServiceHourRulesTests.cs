using Jiceng.Modules.Volunteering.Domain;

namespace Jiceng.Tests.Unit;

/// <summary>Service hours at every boundary: rounding by the minute, the window, daily cap, overlaps, stars.</summary>
public sealed class ServiceHourRulesTests
{
    private static readonly DateTimeOffset Nine = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    [TestCase(0, 0)]
    [TestCase(1, 0)]
    [TestCase(14, 0)]
    [TestCase(15, 1)]
    [TestCase(16, 1)]
    [TestCase(44, 1)]
    [TestCase(45, 2)]
    [TestCase(46, 2)]
    [TestCase(59, 2)]
    [TestCase(60, 2)]
    [TestCase(74, 2)]
    [TestCase(75, 3)]
    [TestCase(104, 3)]
    [TestCase(105, 4)]
    [TestCase(119, 4)]
    [TestCase(120, 4)]
    [TestCase(134, 4)]
    [TestCase(135, 5)]
    public void Rounding_at_each_boundary_minute(int minutes, int halfHours) =>
        Assert.That(ServiceHourRules.RoundToHalfHours(minutes, 15, 45), Is.EqualTo(halfHours));

    [TestCase(9, 0)]
    [TestCase(10, 1)]
    [TestCase(39, 1)]
    [TestCase(40, 2)]
    public void A_region_may_set_other_boundaries(int minutes, int halfHours) =>
        Assert.That(ServiceHourRules.RoundToHalfHours(minutes, 10, 40), Is.EqualTo(halfHours));

    [Test]
    public void Negative_minutes_are_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceHourRules.RoundToHalfHours(-1, 15, 45));

    [TestCase(-30, 150, 120)] // early arrival and late leaving count only the scheduled two hours
    [TestCase(0, 120, 120)]
    [TestCase(10, 100, 90)]
    [TestCase(130, 200, 0)] // checked in after the end
    [TestCase(-60, -1, 0)] // left before the start
    [TestCase(60, 60, 0)]
    public void Only_time_inside_the_scheduled_window_counts(int inMinutes, int outMinutes, int served) =>
        Assert.That(
            ServiceHourRules.ServedMinutesWithin(
                Nine.AddMinutes(inMinutes),
                Nine.AddMinutes(outMinutes),
                Nine,
                Nine.AddHours(2)
            ),
            Is.EqualTo(served)
        );

    [Test]
    public void A_part_minute_does_not_count_as_a_minute() =>
        Assert.That(
            ServiceHourRules.ServedMinutesWithin(Nine, Nine.AddMinutes(14).AddSeconds(59), Nine, Nine.AddHours(1)),
            Is.EqualTo(14)
        );

    [TestCase(4, 0, 8, 4)]
    [TestCase(4, 12, 8, 4)]
    [TestCase(4, 13, 8, 3)]
    [TestCase(4, 16, 8, 0)]
    [TestCase(4, 20, 8, 0)]
    [TestCase(20, 0, 8, 16)]
    [TestCase(0, 0, 8, 0)]
    public void The_daily_cap(int halfHours, int creditedThatDay, int capHours, int credited) =>
        Assert.That(ServiceHourRules.CapToDay(halfHours, creditedThatDay, capHours), Is.EqualTo(credited));

    [Test]
    public void Credit_takes_window_rounding_and_cap_together()
    {
        var settings = ServiceHourSettings.Default;
        Assert.Multiple(() =>
        {
            // 9:00 to 11:44 inside a window to 12:00: 2 h 44 min is 2.5 hours.
            Assert.That(
                ServiceHourRules.Credit(Nine, Nine.AddMinutes(164), Nine, Nine.AddHours(3), 0, settings),
                Is.EqualTo(5)
            );
            // The same with 7 hours already that day: 1 hour left under the 8-hour cap.
            Assert.That(
                ServiceHourRules.Credit(Nine, Nine.AddMinutes(164), Nine, Nine.AddHours(3), 14, settings),
                Is.EqualTo(2)
            );
            // Stayed an hour past a one-hour window: one hour.
            Assert.That(
                ServiceHourRules.Credit(Nine, Nine.AddHours(2), Nine, Nine.AddHours(1), 0, settings),
                Is.EqualTo(2)
            );
        });
    }

    [TestCase(0, 60, 59, 120, true)]
    [TestCase(0, 60, 60, 120, false)] // back to back
    [TestCase(60, 120, 0, 60, false)]
    [TestCase(60, 120, 0, 61, true)]
    [TestCase(0, 120, 30, 60, true)] // inside
    [TestCase(30, 60, 0, 120, true)]
    [TestCase(0, 60, 0, 60, true)]
    public void Overlaps_of_half_open_sessions(int aFrom, int aTo, int bFrom, int bTo, bool overlap) =>
        Assert.That(
            ServiceHourRules.Overlaps(
                Nine.AddMinutes(aFrom),
                Nine.AddMinutes(aTo),
                Nine.AddMinutes(bFrom),
                Nine.AddMinutes(bTo)
            ),
            Is.EqualTo(overlap)
        );

    [TestCase(0, 0)]
    [TestCase(199, 0)] // 99.5 hours
    [TestCase(200, 1)] // 100 hours: 一星
    [TestCase(599, 1)]
    [TestCase(600, 2)]
    [TestCase(1199, 2)]
    [TestCase(1200, 3)]
    [TestCase(1999, 3)]
    [TestCase(2000, 4)]
    [TestCase(2999, 4)]
    [TestCase(3000, 5)] // 1,500 hours: 五星
    [TestCase(100000, 5)]
    public void Star_levels_at_100_300_600_1000_1500_hours(int halfHours, int stars) =>
        Assert.That(
            ServiceHourRules.StarLevel(halfHours, ServiceHourSettings.Default.StarThresholdHours),
            Is.EqualTo(stars)
        );

    [Test]
    public void Thresholds_out_of_order_never_skip_a_level() =>
        Assert.That(ServiceHourRules.StarLevel(700, [100, 500, 300]), Is.EqualTo(1));

    [Test]
    public void Hours_of_half_hours() =>
        Assert.Multiple(() =>
        {
            Assert.That(ServiceHourRules.Hours(199), Is.EqualTo(99.5m));
            Assert.That(ServiceHourRules.Hours(200), Is.EqualTo(100m));
        });

    [Test]
    public void New_certificate_codes_are_valid_and_differ()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => CertificateCodes.New()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(codes, Has.All.Length.EqualTo(CertificateCodes.Length));
            Assert.That(codes.All(CertificateCodes.IsValid), Is.True);
            Assert.That(codes.Distinct().Count(), Is.EqualTo(codes.Count));
        });
    }

    [Test]
    public void Every_single_character_change_of_a_code_is_caught()
    {
        var code = CertificateCodes.New();
        for (var i = 0; i < code.Length; i++)
        {
            foreach (var other in CertificateCodes.Alphabet.Where(c => c != code[i]))
            {
                var typo = code[..i] + other + code[(i + 1)..];
                Assert.That(CertificateCodes.IsValid(typo), Is.False, typo);
            }
        }
    }

    [Test]
    public void Every_adjacent_swap_is_caught_but_Luhns_one_pair()
    {
        for (var round = 0; round < 50; round++)
        {
            var code = CertificateCodes.New();
            for (var i = 0; i < code.Length - 1; i++)
            {
                // Luhn mod N's one blind pair, like 09/90 in decimal Luhn.
                if (code[i] == code[i + 1] || (code[i] is '2' or 'Z' && code[i + 1] is '2' or 'Z'))
                {
                    continue;
                }
                var swapped = code[..i] + code[i + 1] + code[i] + code[(i + 2)..];
                Assert.That(CertificateCodes.IsValid(swapped), Is.False, swapped);
            }
        }
    }

    [Test]
    public void Typed_codes_are_normalized_or_refused()
    {
        var code = CertificateCodes.New();
        var typed = code[..4].ToLowerInvariant() + "-" + code[4..8] + " " + code[8..];
        Assert.Multiple(() =>
        {
            Assert.That(CertificateCodes.Normalize(typed), Is.EqualTo(code));
            Assert.That(CertificateCodes.Normalize(code[..^1]), Is.Null);
            Assert.That(CertificateCodes.Normalize(code + "2"), Is.Null);
            Assert.That(CertificateCodes.Normalize("0" + code[1..]), Is.Null);
            Assert.That(CertificateCodes.Normalize(null), Is.Null);
            Assert.That(CertificateCodes.Normalize(new string('A', 41)), Is.Null);
        });
    }

    [Test]
    public void The_certificate_number_reads_year_and_id()
    {
        var id = Guid.Parse("0193a5b2-0000-7000-8000-00000000abcd");
        Assert.That(CertificateCodes.Number(2026, id), Is.EqualTo("ZYFW-2026-0000ABCD"));
    }
}
