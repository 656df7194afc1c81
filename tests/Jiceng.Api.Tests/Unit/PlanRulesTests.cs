using Jiceng.Modules.Dividends.Domain;

namespace Jiceng.Tests.Unit;

public sealed class PlanRulesTests
{
    private static readonly AssemblyRules Default = new(50, 2, 3, 50);

    private static AssemblyVote Members(int entitled, int present, int inFavour) =>
        new(AssemblyBody.Members, entitled, present, inFavour, present - inFavour, 0);

    private static AssemblyVote Representatives(int entitled, int present, int inFavour) =>
        new(AssemblyBody.Representatives, entitled, present, inFavour, present - inFavour, 0);

    [TestCase(100, 50, false)]
    [TestCase(100, 51, true)]
    [TestCase(101, 50, false)]
    [TestCase(101, 51, true)]
    public void A_members_assembly_needs_more_than_half_present(int entitled, int present, bool quorate) =>
        Assert.That(PlanRules.Quorate(Members(entitled, present, present), Default), Is.EqualTo(quorate));

    [TestCase(30, 19, false)]
    [TestCase(30, 20, true)]
    [TestCase(31, 20, false)]
    [TestCase(31, 21, true)]
    public void A_representatives_assembly_needs_two_thirds_present(int entitled, int present, bool quorate) =>
        Assert.That(PlanRules.Quorate(Representatives(entitled, present, present), Default), Is.EqualTo(quorate));

    [TestCase(60, 30, false)]
    [TestCase(60, 31, true)]
    [TestCase(61, 30, false)]
    [TestCase(61, 31, true)]
    public void A_resolution_needs_more_than_half_of_those_present(int present, int inFavour, bool carried) =>
        Assert.That(PlanRules.MajorityInFavour(Members(100, present, inFavour), Default), Is.EqualTo(carried));

    [Test]
    public void The_outcome_names_the_first_failure()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PlanRules.Outcome(Members(100, 50, 50), Default), Is.EqualTo(VoteOutcome.NotQuorate));
            Assert.That(PlanRules.Outcome(Members(100, 60, 30), Default), Is.EqualTo(VoteOutcome.NotCarried));
            Assert.That(PlanRules.Outcome(Members(100, 60, 31), Default), Is.EqualTo(VoteOutcome.Carried));
        });
    }

    [Test]
    public void A_region_may_ask_for_three_quarters_of_the_representatives()
    {
        var stricter = Default with { RepresentativeQuorumNumerator = 3, RepresentativeQuorumDenominator = 4 };

        Assert.Multiple(() =>
        {
            Assert.That(PlanRules.Quorate(Representatives(40, 29, 29), stricter), Is.False);
            Assert.That(PlanRules.Quorate(Representatives(40, 30, 30), stricter), Is.True);
        });
    }

    [TestCase("Members", 100, 51)]
    [TestCase("Members", 101, 51)]
    [TestCase("Representatives", 30, 20)]
    [TestCase("Representatives", 31, 21)]
    public void The_least_quorate_attendance_is_the_boundary(string bodyName, int entitled, int least)
    {
        var body = Enum.Parse<AssemblyBody>(bodyName);
        var vote = new AssemblyVote(body, entitled, least, least, 0, 0);
        Assert.Multiple(() =>
        {
            Assert.That(PlanRules.LeastQuorate(body, entitled, Default), Is.EqualTo(least));
            Assert.That(PlanRules.Quorate(vote, Default), Is.True);
            Assert.That(PlanRules.Quorate(vote with { Present = least - 1 }, Default), Is.False);
        });
    }

    [Test]
    public void A_seven_day_notice_ends_six_days_after_it_starts_and_is_over_the_day_after()
    {
        var end = PlanRules.NoticeEndsOnCalendarDays(new DateOnly(2026, 12, 1), 7);

        Assert.Multiple(() =>
        {
            Assert.That(end, Is.EqualTo(new DateOnly(2026, 12, 7)));
            Assert.That(PlanRules.NoticeOver(end, new DateOnly(2026, 12, 7)), Is.False);
            Assert.That(PlanRules.NoticeOver(end, new DateOnly(2026, 12, 8)), Is.True);
        });
    }

    [Test]
    public void Only_plans_not_yet_noticed_change_in_place_and_the_preparer_never_approves()
    {
        var preparer = Guid.CreateVersion7();
        Assert.Multiple(() =>
        {
            Assert.That(PlanRules.EditableInPlace(PlanStage.Draft), Is.True);
            Assert.That(PlanRules.EditableInPlace(PlanStage.Deliberation), Is.True);
            Assert.That(PlanRules.EditableInPlace(PlanStage.Notice), Is.False);
            Assert.That(PlanRules.Revisable(PlanStage.Notice), Is.True);
            Assert.That(PlanRules.Revisable(PlanStage.Approved), Is.True);
            Assert.That(PlanRules.Revisable(PlanStage.Superseded), Is.False);
            Assert.That(PlanRules.MayApprove(preparer, preparer), Is.False);
            Assert.That(PlanRules.MayApprove(preparer, Guid.CreateVersion7()), Is.True);
        });
    }
}
