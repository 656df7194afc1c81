using Jiceng.Modules.Members.Domain;

namespace Jiceng.Tests.Unit;

/// <summary>
/// The development pipeline's pure rules, each at its boundaries: the day before, on and after; half and half + 1.
/// </summary>
public sealed class PipelineRulesTests
{
    private static readonly MemberPipelineRules Rules = MemberPipelineRuleSection.Instance.Defaults with
    {
        ApplicantMinAge = new(18, "年满十八岁"),
        ActivistAfterMonths = new(6, "半年"),
        CandidateAfterMonths = new(12, "一年"),
        TrainingMinHours = new(24, "24 学时"),
        NoticeMinWorkingDays = new(5, "5 个工作日"),
        ApprovalWithinMonths = new(3, "三个月"),
        ProbationMonths = new(12, "预备期一年"),
        ExtensionMinMonths = new(6, "半年"),
        ExtensionMaxMonths = new(12, "一年"),
        TransferLetterValidMonths = new(3, "三个月"),
        TransferLetterValidMonthsAcrossProvinces = new(6, "六个月"),
    };

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly? Maybe(string? date) => date is null ? null : D(date);

    [TestCase("2026-03-10", "2026-04-10")]
    [TestCase("2024-01-31", "2024-02-29")]
    [TestCase("2023-01-31", "2023-02-28")]
    [TestCase("2025-12-31", "2026-01-31")]
    public void The_talk_is_due_a_month_after_the_application_month_ends_clamped(string appliedOn, string latest) =>
        Assert.That(PipelineRules.TalkLatest(D(appliedOn)), Is.EqualTo(D(latest)));

    [TestCase("2024-01-31", 1, "2024-02-29")]
    [TestCase("2025-08-31", 6, "2026-02-28")]
    [TestCase("2024-02-29", 12, "2025-02-28")]
    [TestCase("2025-12-15", 6, "2026-06-15")]
    [TestCase("2025-12-15", 0, "2025-12-15")]
    public void Whole_months_after_a_date_clamp_to_the_month_end(string from, int months, string expected) =>
        Assert.That(PipelineRules.MonthsAfter(D(from), months), Is.EqualTo(D(expected)));

    [TestCase("2026-06-14", true)]
    [TestCase("2026-06-15", false)]
    [TestCase("2026-06-16", false)]
    public void A_date_is_early_only_before_the_earliest(string date, bool early) =>
        Assert.That(PipelineRules.IsEarly(D(date), D("2026-06-15")), Is.EqualTo(early));

    [TestCase("2026-06-19", "2026-06-10", "2026-06-20")]
    [TestCase("2026-06-09", "2026-06-10", "2026-06-10")]
    [TestCase("2026-06-10", "2026-06-10", "2026-06-11")]
    [TestCase("2026-06-01", "2026-06-10", "2026-06-10")]
    [TestCase("2026-06-19", null, "2026-06-20")]
    [TestCase(null, "2026-06-10", "2026-06-10")]
    [TestCase(null, null, null)]
    public void The_vote_waits_for_the_day_after_the_notice_and_for_the_candidate_decision(
        string? noticeEndsOn,
        string? candidateOn,
        string? earliest
    ) => Assert.That(PipelineRules.EarliestVote(Maybe(noticeEndsOn), Maybe(candidateOn)), Is.EqualTo(Maybe(earliest)));

    [TestCase(5, 10, false)]
    [TestCase(6, 10, true)]
    [TestCase(4, 10, false)]
    [TestCase(5, 9, true)]
    [TestCase(4, 9, false)]
    [TestCase(1, 1, true)]
    [TestCase(0, 1, false)]
    [TestCase(1, 2, false)]
    public void The_vote_passes_with_more_than_half_exactly_half_fails(int votesFor, int entitled, bool passes) =>
        Assert.That(PipelineRules.VotePasses(votesFor, entitled), Is.EqualTo(passes));

    [TestCase(5, false)]
    [TestCase(6, true)]
    [TestCase(9, true)]
    [TestCase(12, true)]
    [TestCase(13, false)]
    public void An_extension_keeps_to_the_least_and_most_months_both_included(int months, bool allowed) =>
        Assert.That(PipelineRules.ExtensionInRange(months, 6, 12), Is.EqualTo(allowed));

    [Test]
    public void The_talk_is_due_only_for_an_active_applicant_not_yet_talked_with()
    {
        var applicant = new MemberRow
        {
            Stage = MemberStage.Applicant,
            Status = MemberStatus.Active,
            AppliedOn = D("2024-01-31"),
        };
        Assert.Multiple(() =>
        {
            Assert.That(PipelineRules.TalkDueBy(applicant), Is.EqualTo(D("2024-02-29")));
            Assert.That(PipelineRules.TalkDueBy(applicant with { TalkOn = D("2024-02-01") }), Is.Null);
            Assert.That(PipelineRules.TalkDueBy(applicant with { Stage = MemberStage.Activist }), Is.Null);
            Assert.That(PipelineRules.TalkDueBy(applicant with { Status = MemberStatus.Deceased }), Is.Null);
            Assert.That(PipelineRules.TalkDueBy(applicant with { AppliedOn = null }), Is.Null);
        });
    }

    [TestCase("2026-06-14", true)]
    [TestCase("2026-06-15", false)]
    [TestCase("2026-06-16", false)]
    public void A_registered_activist_date_breaks_the_interval_only_before_its_end(string activistOn, bool broken) =>
        Assert.That(
            PipelineIntervals.BrokenBy(D("2025-12-15"), D(activistOn), null, null, null, Rules).Any(),
            Is.EqualTo(broken)
        );

    [TestCase("2026-01-30", true)]
    [TestCase("2026-01-31", false)]
    public void A_registered_candidate_date_keeps_a_year_from_a_month_end(string candidateOn, bool broken) =>
        Assert.That(
            PipelineIntervals.BrokenBy(null, D("2025-01-31"), D(candidateOn), null, null, Rules).Any(),
            Is.EqualTo(broken)
        );

    [TestCase("2025-02-27", true)]
    [TestCase("2025-02-28", false)]
    [TestCase("2025-03-01", false)]
    public void A_registered_full_membership_waits_for_a_whole_probation_from_a_leap_day(
        string fullMemberOn,
        bool broken
    ) =>
        Assert.That(
            PipelineIntervals.BrokenBy(null, null, null, D("2024-02-29"), D(fullMemberOn), Rules).Any(),
            Is.EqualTo(broken)
        );

    [Test]
    public void Each_interval_refuses_with_its_own_code_earliest_date_rule_and_field()
    {
        var refusals = new[]
        {
            PipelineIntervals.Activist(D("2025-12-15"), Rules).Refusal(),
            PipelineIntervals.Candidate(D("2025-06-15"), Rules).Refusal(),
            PipelineIntervals.Admission(D("2026-06-20"), Rules).Refusal(),
            PipelineIntervals.Conversion(D("2026-03-01"), Rules).Refusal(),
        };
        var seen = refusals.Select(r => (r.Code, r.Details["earliestOn"], r.Details["rule"], r.Details["field"]));
        Assert.That(
            seen,
            Is.EqualTo(
                new[]
                {
                    ("activist_too_early", (object?)"2026-06-15", (object?)"半年", (object?)"activistOn"),
                    ("candidate_too_early", "2026-06-15", "一年", "candidateOn"),
                    ("admission_too_early", "2026-06-20", "5 个工作日", "joinedOn"),
                    ("conversion_too_early", "2026-03-01", "预备期一年", "fullMemberOn"),
                }
            )
        );
    }
}
