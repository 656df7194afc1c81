using System.Reflection;
using Jiceng.Modules.Volunteering.Domain;

namespace Jiceng.Tests.Volunteering;

/// <summary>The demand loop's pure rules, and the guard every step's statement must carry.</summary>
public sealed class DemandRulesTests
{
    [Test]
    public void Each_state_allows_the_steps_a_user_expects_and_final_states_none()
    {
        Assert.Multiple(() =>
        {
            Assert.That(
                DemandRules.StepsFrom(DemandState.Submitted),
                Is.EqualTo(new[] { DemandStep.Accept, DemandStep.Reject, DemandStep.Cancel })
            );
            Assert.That(DemandRules.StepsFrom(DemandState.Open), Does.Contain(DemandStep.Claim));
            Assert.That(DemandRules.StepsFrom(DemandState.Accepted), Does.Not.Contain(DemandStep.Claim));
            Assert.That(DemandRules.StepsFrom(DemandState.InService), Does.Contain(DemandStep.Redispatch));
            Assert.That(DemandRules.StepsFrom(DemandState.InService), Does.Not.Contain(DemandStep.Cancel));
            Assert.That(DemandRules.StepsFrom(DemandState.Closed), Is.EqualTo(new[] { DemandStep.FollowUp }));
            Assert.That(DemandRules.StepsFrom(DemandState.Rejected), Is.Empty);
            Assert.That(DemandRules.StepsFrom(DemandState.Cancelled), Is.Empty);
            Assert.That(DemandRules.Allows(DemandState.Assigned, DemandStep.Release), Is.True);
            Assert.That(DemandRules.Allows(DemandState.Open, DemandStep.Release), Is.False);
        });
    }

    [Test]
    public void Every_allowed_step_leads_to_a_state_from_which_the_loop_can_go_on_or_ends()
    {
        foreach (var state in Enum.GetValues<DemandState>())
        {
            foreach (var step in DemandRules.StepsFrom(state))
            {
                Assert.That(() => DemandRules.After(step), Throws.Nothing, $"{state} → {step}");
            }
        }
    }

    [TestCase("2026-06-22", "2026-06-22", null)]
    [TestCase("2026-06-22", "2026-06-23", 1)]
    [TestCase("2026-06-22", "2026-06-25", 3)]
    [TestCase(null, "2026-06-25", null)]
    public void Days_late_count_from_the_day_after_the_deadline(string? due, string today, int? late) =>
        Assert.That(
            DemandRules.DaysLate(due is null ? null : DateOnly.Parse(due), DateOnly.Parse(today)),
            Is.EqualTo(late)
        );

    [Test]
    public void A_claim_is_stale_after_exactly_the_regions_days()
    {
        var claimed = new DateTimeOffset(2026, 6, 15, 2, 0, 0, TimeSpan.Zero);
        Assert.Multiple(() =>
        {
            Assert.That(DemandRules.IsStale(claimed, claimed.AddDays(7).AddSeconds(-1), 7), Is.False);
            Assert.That(DemandRules.IsStale(claimed, claimed.AddDays(7), 7), Is.True);
        });
    }

    [TestCase(0.5, true)]
    [TestCase(1.5, true)]
    [TestCase(24, true)]
    [TestCase(0, false)]
    [TestCase(0.25, false)]
    [TestCase(24.5, false)]
    public void Hours_are_recorded_in_half_hours(decimal hours, bool valid) =>
        Assert.That(DemandRules.IsWholeHalfHours(hours), Is.EqualTo(valid));

    [Test]
    public void Every_demand_step_statement_carries_the_whole_guard()
    {
        static string Normalize(string sql) => System.Text.RegularExpressions.Regex.Replace(sql, @"\s+", " ").Trim();
        var guard = Normalize(DemandTransition.Guard);
        var handlers = typeof(DemandTransition)
            .Assembly.GetTypes()
            .Where(t =>
                t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(DemandTransitions)))
            )
            .ToList();
        Assert.That(handlers, Has.Count.GreaterThanOrEqualTo(14), "every step starts through DemandTransitions");
        foreach (var handler in handlers)
        {
            var statement = handler.GetField("AdvanceSql", BindingFlags.NonPublic | BindingFlags.Static);
            Assert.That(statement, Is.Not.Null, $"{handler.Name} writes its step in a const AdvanceSql");
            var sql = Normalize((string)statement!.GetRawConstantValue()!);
            Assert.That(sql, Does.StartWith("UPDATE volunteer_demands SET"), handler.Name);
            Assert.That(sql, Does.Contain(guard), $"{handler.Name}'s statement carries the whole guard");
        }
    }
}
