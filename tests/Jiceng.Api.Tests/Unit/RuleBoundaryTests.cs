using System.Text.Json.Nodes;
using Jiceng.Modules.Calendar.Domain;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Organizations.Domain;

namespace Jiceng.Tests.Unit;

/// <summary>
/// The pure rules at the boundaries the mutation run (scripts/mutation.sh) found untested: which intervals a
/// registered record breaks and in what order, the tree path's exact characters and ranges, and the rule set's
/// fallbacks and per-field choices.
/// </summary>
public sealed class PipelineIntervalBoundaryTests
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

    private static string[] Broken(
        string? appliedOn,
        string? activistOn,
        string? candidateOn,
        string? joinedOn,
        string? fullMemberOn
    ) =>
        PipelineIntervals
            .BrokenBy(
                Maybe(appliedOn),
                Maybe(activistOn),
                Maybe(candidateOn),
                Maybe(joinedOn),
                Maybe(fullMemberOn),
                Rules
            )
            .Select(i => $"{i.Kind} {i.Field} {i.EarliestOn:yyyy-MM-dd}")
            .ToArray();

    [Test]
    public void A_record_breaking_every_interval_reports_each_once_in_pipeline_order_with_its_earliest_day() =>
        Assert.That(
            Broken("2024-01-31", "2024-07-30", "2025-07-29", "2025-08-31", "2026-08-30"),
            Is.EqualTo(
                new[]
                {
                    "Activist activistOn 2024-07-31",
                    "Candidate candidateOn 2025-07-30",
                    "Conversion fullMemberOn 2026-08-31",
                }
            )
        );

    [Test]
    public void A_record_keeping_every_interval_on_its_earliest_allowed_day_breaks_none() =>
        Assert.That(Broken("2024-01-31", "2024-07-31", "2025-07-31", "2025-08-31", "2026-08-31"), Is.Empty);

    [TestCase(null, "2024-07-01", null, null, null)]
    [TestCase("2024-01-31", null, "2024-02-01", null, null)]
    [TestCase(null, null, null, "2025-08-31", null)]
    [TestCase(null, null, null, null, "2026-01-01")]
    [TestCase(null, null, "2024-02-01", null, "2024-02-02")]
    public void An_interval_needs_both_of_its_dates_to_be_broken(
        string? appliedOn,
        string? activistOn,
        string? candidateOn,
        string? joinedOn,
        string? fullMemberOn
    ) => Assert.That(Broken(appliedOn, activistOn, candidateOn, joinedOn, fullMemberOn), Is.Empty);

    [Test]
    public void Only_the_broken_interval_is_reported_when_the_others_are_kept() =>
        Assert.Multiple(() =>
        {
            Assert.That(
                Broken("2024-01-31", "2024-07-31", "2025-07-30", null, null),
                Is.EqualTo(new[] { "Candidate candidateOn 2025-07-31" })
            );
            Assert.That(
                Broken("2024-01-31", "2024-07-31", "2025-07-31", "2025-08-31", "2026-08-30"),
                Is.EqualTo(new[] { "Conversion fullMemberOn 2026-08-31" })
            );
        });

    [Test]
    public void Each_interval_carries_the_regions_rule_and_its_own_kind_and_field()
    {
        var intervals = new[]
        {
            PipelineIntervals.Activist(D("2025-08-31"), Rules),
            PipelineIntervals.Candidate(D("2025-08-31"), Rules),
            PipelineIntervals.Admission(D("2026-06-20"), Rules),
            PipelineIntervals.Conversion(D("2026-03-01"), Rules),
        };
        Assert.That(
            intervals.Select(i => (i.Kind, i.Field, i.EarliestOn, i.Rule)),
            Is.EqualTo(
                new[]
                {
                    (PipelineIntervalKind.Activist, "activistOn", D("2026-02-28"), Rules.ActivistAfterMonths),
                    (PipelineIntervalKind.Candidate, "candidateOn", D("2026-08-31"), Rules.CandidateAfterMonths),
                    (PipelineIntervalKind.Admission, "joinedOn", D("2026-06-20"), Rules.NoticeMinWorkingDays),
                    (PipelineIntervalKind.Conversion, "fullMemberOn", D("2026-03-01"), Rules.ProbationMonths),
                }
            )
        );
    }

    [Test]
    public void The_interval_talk_limit_is_the_rules_own() =>
        Assert.That(PipelineIntervals.TalkLatest(D("2025-01-31")), Is.EqualTo(D("2025-02-28")));

    [TestCase("2026-06-05", "2026-06-05", 1)]
    [TestCase("2026-06-06", "2026-06-06", 0)]
    [TestCase("2026-06-07", "2026-06-07", 0)]
    [TestCase("2026-06-08", "2026-06-08", 1)]
    [TestCase("2026-06-01", "2026-06-14", 10)]
    public void Each_single_day_counts_as_a_working_day_only_monday_to_friday(string from, string to, int days) =>
        Assert.That(
            new WorkingDayRules(new HashSet<int> { 2026 }, new Dictionary<DateOnly, CalendarDayKind>()).Count(
                D(from),
                D(to)
            ),
            Is.EqualTo(days),
            "a year whose notice lists none of these days counts Monday to Friday"
        );

    [TestCase(0, 0, false)]
    [TestCase(3, 5, true)]
    [TestCase(2, 5, false)]
    [TestCase(7, 7, true)]
    public void The_vote_counts_twice_the_votes_for_against_the_entitled(int votesFor, int entitled, bool passes) =>
        Assert.That(PipelineRules.VotePasses(votesFor, entitled), Is.EqualTo(passes));

    [TestCase(6, 6, 6, true)]
    [TestCase(5, 6, 6, false)]
    [TestCase(7, 6, 6, false)]
    public void An_extension_range_of_one_value_allows_exactly_that_value(int months, int min, int max, bool ok) =>
        Assert.That(PipelineRules.ExtensionInRange(months, min, max), Is.EqualTo(ok));
}

public sealed class TreePathBoundaryTests
{
    [TestCase(1L, "00001")]
    [TestCase(9L, "00009")]
    [TestCase(10L, "0000a")]
    [TestCase(31L, "0000v")]
    [TestCase(32L, "00010")]
    [TestCase(1025L, "00101")]
    [TestCase(33_554_431L, "vvvvv")]
    public void A_segment_is_its_sequence_in_five_base_32_digits(long sequence, string segment) =>
        Assert.That(TreePath.Segment(sequence), Is.EqualTo(segment));

    [TestCase(-1L)]
    [TestCase(33_554_432L)]
    [TestCase(long.MaxValue)]
    public void Sequences_past_either_end_are_refused_saying_why(long sequence) =>
        Assert.That(
            Assert.Throws<ArgumentOutOfRangeException>(() => TreePath.Segment(sequence))?.Message,
            Does.Contain("too many children")
        );

    [Test]
    public void The_constants_describe_the_stored_column()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TreePath.SegmentLength, Is.EqualTo(5));
            Assert.That(TreePath.MaxDepth, Is.EqualTo(39));
            Assert.That(TreePath.WholeTreeFrom, Is.Empty);
            Assert.That(TreePath.SubtreeEnd(TreePath.WholeTreeFrom), Is.EqualTo(TreePath.WholeTreeTo));
            Assert.That(TreePath.SubtreeEnd("00001"), Is.EqualTo("00001~"));
        });
    }

    [Test]
    public void A_root_has_no_ancestors_and_a_third_level_node_has_two()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TreePath.AncestorPaths("00001"), Is.Empty);
            Assert.That(TreePath.AncestorPaths(""), Is.Empty);
            Assert.That(TreePath.AncestorPaths("000010000200003"), Is.EqualTo(new[] { "00001", "0000100002" }));
        });
    }

    [TestCase("0000100002", "00001", true)]
    [TestCase("00001", "00001", true)]
    [TestCase("00002", "00001", false)]
    [TestCase("00001", "0000100002", false)]
    [TestCase("0000A", "0000a", false)]
    [TestCase("00001", "", true)]
    public void A_path_is_within_its_own_and_its_ancestors_subtrees_only(
        string candidate,
        string ancestor,
        bool within
    ) => Assert.That(TreePath.IsWithin(candidate, ancestor), Is.EqualTo(within));
}

public sealed class RuleSetRuleTests
{
    private static readonly OrganizationRuleSet Rules = OrganizationRuleSection.Instance.Defaults;

    private static MemberPipelineRuleSection Pipeline => MemberPipelineRuleSection.Instance;

    private static JsonObject Stored(string json) => JsonNode.Parse(json)!.AsObject();

    [TestCase("Village", 5)]
    [TestCase("UrbanCommunity", 5)]
    [TestCase("Government", 3)]
    [TestCase("StateOwnedEnterprise", 3)]
    public void Villages_and_communities_serve_five_year_terms_other_fields_the_committee_term(
        string field,
        int years
    ) =>
        Assert.That(
            OrganizationTerms.TermFor(OrganizationKind.Branch, Enum.Parse<OrganizationField>(field), Rules)!.Value,
            Is.EqualTo(years)
        );

    [Test]
    public void The_term_follows_the_region_values_not_fixed_numbers()
    {
        var local = Rules with
        {
            CommitteeTermYears = new NumberRule(4, "本地"),
            VillageCommunityTermYears = new NumberRule(6, "本地"),
        };
        Assert.Multiple(() =>
        {
            Assert.That(
                OrganizationTerms.TermFor(OrganizationKind.Branch, OrganizationField.Village, local)!.Value,
                Is.EqualTo(6)
            );
            Assert.That(
                OrganizationTerms.TermFor(OrganizationKind.Branch, OrganizationField.Government, local)!.Value,
                Is.EqualTo(4)
            );
        });
    }

    [TestCase(null, null)]
    [TestCase(110, 5)]
    [TestCase(90, 5)]
    [TestCase(89, 4)]
    [TestCase(80, 4)]
    [TestCase(79, 3)]
    [TestCase(70, 3)]
    [TestCase(69, 0)]
    [TestCase(0, 0)]
    [TestCase(-5, 0)]
    public void Stars_start_at_each_threshold_need_a_score_and_none_below_the_lowest(int? score, int? stars) =>
        Assert.That(Rules.StarsFor(score), Is.EqualTo(stars));

    [Test]
    public void Levels_are_found_by_their_exact_code_and_only_the_sets_lagging_codes_lag()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Rules.Level("good"), Is.EqualTo(new GradingLevel("good", "好", 1)));
            Assert.That(Rules.Level("poor")?.Rank, Is.EqualTo(4));
            Assert.That(Rules.Level("Good"), Is.Null);
            Assert.That(Rules.Level("excellent"), Is.Null);
            Assert.That(Rules.IsLagging("poor"), Is.True);
            Assert.That(Rules.IsLagging("average"), Is.False);
            Assert.That(Rules.IsLagging("unknown"), Is.False);
        });
    }

    [Test]
    public void A_set_saved_before_members_existed_reads_the_default_pipeline_rules()
    {
        var custom = Pipeline.Read(Stored("""{ "activistAfterMonths": { "value": 9, "source": "本地" } }"""));
        Assert.Multiple(() =>
        {
            Assert.That(Pipeline.Read(null), Is.EqualTo(Pipeline.Defaults));
            Assert.That(custom.ActivistAfterMonths.Value, Is.EqualTo(9));
            Assert.That(custom.ActivistAfterMonths.Source, Is.EqualTo("本地"));
            Assert.That(
                custom with
                {
                    ActivistAfterMonths = Pipeline.Defaults.ActivistAfterMonths,
                },
                Is.EqualTo(Pipeline.Defaults)
            );
        });
    }

    [Test]
    public void Transfer_letters_last_three_months_or_six_across_provinces_unless_the_region_says_otherwise()
    {
        var saved = Pipeline.Read(Stored("{}"));
        var local = Pipeline.Read(
            Stored(
                """
                {
                  "transferLetterValidMonths": { "value": 2, "source": "本地" },
                  "transferLetterValidMonthsAcrossProvinces": { "value": 4, "source": "本地" }
                }
                """
            )
        );
        Assert.Multiple(() =>
        {
            Assert.That(saved.TransferLetterValidMonths.Value, Is.EqualTo(3));
            Assert.That(saved.TransferLetterValidMonthsAcrossProvinces.Value, Is.EqualTo(6));
            Assert.That(local.TransferLetterValidMonths.Value, Is.EqualTo(2));
            Assert.That(local.TransferLetterValidMonthsAcrossProvinces.Value, Is.EqualTo(4));
        });
    }

    [Test]
    public void The_constitution_fixes_values_and_texts_but_keeps_the_local_rules()
    {
        var effective = Pipeline.Read(
            Stored(
                """
                {
                  "applicantMinAge": { "value": 16, "source": "旧文本甲" },
                  "probationMonths": { "value": 6, "source": "旧文本乙" },
                  "extensionMinMonths": { "value": 1, "source": "旧文本丙" },
                  "extensionMaxMonths": { "value": 24, "source": "旧文本丁" },
                  "noticeMinWorkingDays": { "value": 7, "source": "本地公示" },
                  "transferLetterValidMonths": { "value": 2, "source": "本地介绍信" }
                }
                """
            )
        );
        Assert.Multiple(() =>
        {
            Assert.That(effective.ApplicantMinAge, Is.EqualTo(MemberPipelineRuleSection.ApplicantMinAge.DefaultRule));
            Assert.That(effective.ProbationMonths, Is.EqualTo(MemberPipelineRuleSection.ProbationMonths.DefaultRule));
            Assert.That(
                effective.ExtensionMinMonths,
                Is.EqualTo(MemberPipelineRuleSection.ExtensionMinMonths.DefaultRule)
            );
            Assert.That(
                effective.ExtensionMaxMonths,
                Is.EqualTo(MemberPipelineRuleSection.ExtensionMaxMonths.DefaultRule)
            );
            Assert.That(
                (effective.NoticeMinWorkingDays.Value, effective.NoticeMinWorkingDays.Source),
                Is.EqualTo((7, "本地公示"))
            );
            Assert.That(
                (effective.TransferLetterValidMonths.Value, effective.TransferLetterValidMonths.Source),
                Is.EqualTo((2, "本地介绍信"))
            );
        });
    }
}
