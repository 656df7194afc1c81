using System.Globalization;
using Jiceng.Modules.Members.Domain;

namespace Jiceng.Tests.Unit;

/// <summary>
/// The probation's decisions at their boundaries: the meeting's quorum and majority (half and half + 1), the end of
/// the probation (the day before, on and after), the conversion's date and the approval's three months.
/// </summary>
public sealed class ProbationRulesTests
{
    private static DateOnly D(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    [TestCase(4, 9, false)]
    [TestCase(5, 9, true)]
    [TestCase(5, 10, false)]
    [TestCase(6, 10, true)]
    [TestCase(0, 1, false)]
    [TestCase(1, 1, true)]
    public void A_meeting_needs_more_than_half_of_those_entitled_to_attend(int attended, int entitled, bool held) =>
        Assert.That(PipelineRules.MeetingQuorate(attended, entitled), Is.EqualTo(held));

    [TestCase(5, 10, false)]
    [TestCase(6, 10, true)]
    [TestCase(4, 9, false)]
    [TestCase(5, 9, true)]
    public void A_decision_carries_with_yes_votes_more_than_half_of_those_entitled(
        int votesFor,
        int entitled,
        bool ok
    ) => Assert.That(PipelineRules.VotePasses(votesFor, entitled), Is.EqualTo(ok));

    [TestCase("2025-12-31", "2026-01-01", true)]
    [TestCase("2026-01-01", "2026-01-01", false)]
    [TestCase("2026-01-02", "2026-01-01", false)]
    public void A_probation_is_decided_on_or_after_the_day_it_ends(string meetingOn, string endsOn, bool early) =>
        Assert.That(PipelineRules.BeforeProbationEnds(D(meetingOn), D(endsOn)), Is.EqualTo(early));

    [Test]
    public void An_on_time_conversion_dates_from_the_end_of_probation_not_from_the_meeting() =>
        Assert.That(PipelineRules.FullMemberOn(D("2026-01-01")), Is.EqualTo(D("2026-01-01")));

    [TestCase("2026-01-10", "2026-04-10")]
    [TestCase("2025-11-30", "2026-02-28")]
    [TestCase("2027-11-30", "2028-02-29")]
    public void A_conversion_is_approved_within_three_months_of_the_meeting(string meetingOn, string latest) =>
        Assert.That(PipelineRules.ConversionApprovalLatest(D(meetingOn)), Is.EqualTo(D(latest)));

    [TestCase("2026-04-09", false)]
    [TestCase("2026-04-10", false)]
    [TestCase("2026-04-11", true)]
    public void An_approval_after_its_last_day_is_late(string approvedOn, bool late) =>
        Assert.That(PipelineRules.ApprovedLate(D(approvedOn), D("2026-04-10")), Is.EqualTo(late));
}
