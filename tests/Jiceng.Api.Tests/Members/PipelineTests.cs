using System.Net;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Members;

/// <summary>The development pipeline's rules at their boundaries. The test clock's today is 2026-06-15.</summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class PipelineTests(DatabaseProvider provider) : ApiTest(provider)
{
    private Guid _branch;
    private Guid[] _introducers = [];
    private Guid _probationaryIntroducer;

    [OneTimeSetUp]
    public async Task CreateBranchAndIntroducers()
    {
        _branch = (await CreateOrganization(Unique("发展党员党支部"), field: "Village")).Id();
        _introducers = [await Member("介绍人甲", "Full"), await Member("介绍人乙", "Full")];
        _probationaryIntroducer = await Member("预备党员丙", "Probationary");
    }

    private async Task<Guid> Member(
        string name,
        string stage,
        string? appliedOn = null,
        string? activistOn = null,
        string? candidateOn = null,
        string birth = "1990-01-01"
    ) =>
        await RegisterMember(
            new NewMember
            {
                OrganizationId = _branch,
                Name = name,
                IdNumber = TestIdNumbers.For(birth),
                Category = "Farmer",
                Stage = stage,
                AppliedOn = appliedOn,
                ActivistOn = activistOn,
                CandidateOn = candidateOn,
                JoinedOn = stage is "Full" or "Probationary" ? "2025-01-01" : null,
                FullMemberOn = stage == "Full" ? "2026-01-01" : null,
            }
        );

    private Task<HttpResponseMessage> Step(Guid member, string step, object body) =>
        Post($"/api/v1/members/{member}/pipeline/{step}", body);

    /// <summary>A conversion carried by the branch meeting (7 of 9) and approved the same day.</summary>
    private static object Conversion(string meetingOn, object? overridden = null) =>
        new
        {
            meetingOn,
            entitledVoters = 9,
            attended = 8,
            votesFor = 7,
            approvedOn = meetingOn,
            approvedBy = "区委组织部",
            @override = overridden,
        };

    /// <summary>An extension carried by the branch meeting (7 of 9) and approved the same day.</summary>
    private static object Extension(string meetingOn, int months, string reason) =>
        new
        {
            meetingOn,
            entitledVoters = 9,
            attended = 8,
            votesFor = 7,
            approvedOn = meetingOn,
            approvedBy = "区委组织部",
            months,
            reason,
        };

    [Test]
    public async Task An_applicant_must_be_18_on_the_day_of_application()
    {
        // Born 2008-06-16: on 2026-06-15 seventeen years and 364 days old. Born 2008-06-15: eighteen that day.
        var tooYoung = await Post(
            "/api/v1/members",
            NewMember.Applicant(_branch, "少年", "2026-06-15", birth: "2008-06-16", category: "Student")
        );
        var problem = await Json.Problem(tooYoung, HttpStatusCode.Conflict, code: "too_young_to_apply");
        Assert.That(problem.Str("earliestOn"), Is.EqualTo("2026-06-16"));
        await Json.Read(
            await Post(
                "/api/v1/members",
                NewMember.Applicant(_branch, "青年", "2026-06-15", birth: "2008-06-15", category: "Student") with
                {
                    TalkOn = "2026-06-15",
                }
            ),
            HttpStatusCode.Created
        );
    }

    /// <summary>A step's refusal about its date names the request's field, so a form shows it on that field.</summary>
    [Test]
    public async Task A_step_too_early_names_the_request_field_that_carries_its_date()
    {
        var applicant = await Member("过早申请人", "Applicant", appliedOn: "2025-12-15");
        var early = await Json.Problem(
            await Step(
                applicant,
                "activist",
                new { decidedOn = "2026-06-14", cultivationContacts = new[] { "介绍人甲" } }
            ),
            HttpStatusCode.Conflict,
            code: "activist_too_early"
        );
        Assert.That((early.Str("field"), early.Str("earliestOn")), Is.EqualTo(("decidedOn", "2026-06-15")));
    }

    [Test]
    public async Task An_activist_a_day_short_of_six_months_is_409_with_the_date_and_accepted_on_it()
    {
        var applicant = await Member("申请人", "Applicant", appliedOn: "2025-12-15");
        var pipeline = await Json.Read(await Get($"/api/v1/members/{applicant}/pipeline"), HttpStatusCode.OK);
        var early = await Json.Problem(
            await Step(
                applicant,
                "activist",
                new { decidedOn = "2026-06-14", cultivationContacts = new[] { "介绍人甲" } }
            ),
            HttpStatusCode.Conflict,
            code: "activist_too_early"
        );
        var accepted = await Json.Read(
            await Step(
                applicant,
                "activist",
                new { decidedOn = "2026-06-15", cultivationContacts = new[] { "介绍人甲", "介绍人乙" } }
            ),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(pipeline.GetProperty("next").Str("step"), Is.EqualTo("Activist"));
            Assert.That(pipeline.GetProperty("next").Str("earliestOn"), Is.EqualTo("2026-06-15"));
            Assert.That(pipeline.GetProperty("daysUntilNext").GetInt32(), Is.EqualTo(0));
            Assert.That(early.Str("earliestOn"), Is.EqualTo("2026-06-15"));
            Assert.That(early.Str("rule"), Does.Contain("6 个月"));
            Assert.That(accepted.Str("stage"), Is.EqualTo("Activist"));
            Assert.That(
                accepted.GetProperty("steps").EnumerateArray().Select(s => s.Str("step")),
                Is.EqualTo(new[] { "Application", "Activist" })
            );
            Assert.That(
                accepted.GetProperty("next").Str("earliestOn"),
                Is.EqualTo("2027-06-15"),
                "a year as activist before candidacy"
            );
        });
        await Json.Problem(
            await Step(applicant, "activist", new { decidedOn = "2026-06-15", cultivationContacts = new[] { "甲" } }),
            HttpStatusCode.Conflict,
            code: "wrong_stage"
        );
    }

    [Test]
    public async Task A_candidate_needs_two_full_members_as_introducers_training_and_five_working_days_of_notice()
    {
        var activist = await Member("积极分子", "Activist", appliedOn: "2024-01-10", activistOn: "2024-09-01");
        object Body(Guid[] introducers, int hours = 24, string noticeTo = "2026-06-12") =>
            new
            {
                decidedOn = "2026-06-15",
                introducerIds = introducers,
                politicalReviewOn = "2026-05-20",
                trainingHours = hours,
                noticeFrom = "2026-06-08",
                noticeTo,
            };
        await Json.Problem(
            await Step(activist, "candidate", Body([_introducers[0], _probationaryIntroducer])),
            HttpStatusCode.Conflict,
            code: "introducer_not_full_member"
        );
        await Json.Problem(
            await Step(activist, "candidate", Body(_introducers, hours: 23)),
            HttpStatusCode.Conflict,
            code: "training_too_short"
        );
        // 8 June 2026 is a Monday: to Thursday is four working days, to Friday five.
        await Json.Problem(
            await Step(activist, "candidate", Body(_introducers, noticeTo: "2026-06-11")),
            HttpStatusCode.Conflict,
            code: "notice_too_short"
        );
        await Json.Problem(
            await Step(activist, "candidate", Body([_introducers[0], _introducers[0]])),
            HttpStatusCode.BadRequest,
            field: "introducerIds"
        );
        var candidate = await Json.Read(await Step(activist, "candidate", Body(_introducers)), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(candidate.Str("stage"), Is.EqualTo("Candidate"));
            Assert.That(
                candidate.GetProperty("next").Str("earliestOn"),
                Is.EqualTo("2026-06-15"),
                "the notice (published before listing, 确定发展对象前公示) ended "
                    + "on the 12th: the vote may follow the decision at once"
            );
        });
    }

    [Test]
    public async Task The_vote_must_pass_by_more_than_half_and_approval_come_within_three_months()
    {
        var first = await Member(
            "发展对象一",
            "Candidate",
            appliedOn: "2023-01-01",
            activistOn: "2023-08-01",
            candidateOn: "2025-12-01"
        );
        object Vote(int votesFor, string approvedOn, string preReviewedOn = "2026-01-05") =>
            new
            {
                preReviewedOn,
                voteOn = "2026-01-10",
                entitledVoters = 10,
                votesFor,
                approvedOn,
            };
        await Json.Problem(
            await Step(first, "admission", Vote(6, "2026-02-01", preReviewedOn: "2026-01-11")),
            HttpStatusCode.BadRequest,
            field: "preReviewedOn"
        );
        await Json.Problem(
            await Step(first, "admission", Vote(6, "2026-02-01", preReviewedOn: "2025-11-30")),
            HttpStatusCode.BadRequest,
            field: "preReviewedOn"
        );
        await Json.Problem(
            await Step(first, "admission", Vote(5, "2026-02-01")),
            HttpStatusCode.Conflict,
            code: "vote_not_passed"
        );
        var late = await Json.Problem(
            await Step(first, "admission", Vote(6, "2026-04-11")),
            HttpStatusCode.Conflict,
            code: "approval_too_late"
        );
        Assert.That(late.Str("latestOn"), Is.EqualTo("2026-04-10"));
        var admitted = await Json.Read(await Step(first, "admission", Vote(6, "2026-04-10")), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(admitted.Str("stage"), Is.EqualTo("Probationary"));
            Assert.That(admitted.Str("joinedOn"), Is.EqualTo("2026-01-10"));
            Assert.That(admitted.Str("probationEndsOn"), Is.EqualTo("2027-01-10"));
            Assert.That(
                admitted.GetProperty("steps").EnumerateArray().Last().GetProperty("details").Str("preReviewedOn"),
                Is.EqualTo("2026-01-05")
            );
        });
    }

    [Test]
    public async Task Conversion_waits_for_the_end_of_probation_which_one_extension_of_6_to_12_months_moves()
    {
        var probationary = await Member("预备党员", "Probationary");
        // Joined 2025-01-01: probation ends 2026-01-01.
        await Json.Problem(
            await Step(probationary, "extension", Extension("2026-01-05", 5, "考察")),
            HttpStatusCode.Conflict,
            code: "extension_out_of_range"
        );
        await Json.Problem(
            await Step(probationary, "extension", Extension("2026-01-05", 13, "考察")),
            HttpStatusCode.Conflict,
            code: "extension_out_of_range"
        );
        var extended = await Json.Read(
            await Step(probationary, "extension", Extension("2026-01-05", 6, "需要继续考察")),
            HttpStatusCode.OK
        );
        await Json.Problem(
            await Step(probationary, "extension", Extension("2026-01-06", 6, "再次")),
            HttpStatusCode.Conflict,
            code: "already_extended"
        );
        var early = await Json.Problem(
            await Step(probationary, "conversion", Conversion("2026-06-15")),
            HttpStatusCode.Conflict,
            code: "conversion_too_early"
        );
        var longest = await Member("延长一年的预备党员", "Probationary");
        // A day before the probation ends is too early to decide an extension.
        var undecided = await Json.Problem(
            await Step(longest, "extension", Extension("2025-12-31", 12, "考察")),
            HttpStatusCode.Conflict,
            code: "probation_not_ended"
        );
        Assert.That((undecided.Str("earliestOn"), undecided.Str("field")), Is.EqualTo(("2026-01-01", "meetingOn")));
        var twelve = await Json.Read(
            await Step(longest, "extension", Extension("2026-01-01", 12, "需要继续考察")),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(extended.Str("probationEndsOn"), Is.EqualTo("2026-07-01"));
            Assert.That(early.Str("earliestOn"), Is.EqualTo("2026-07-01"));
            Assert.That(
                twelve.Str("probationEndsOn"),
                Is.EqualTo("2027-01-01"),
                "twelve months, the longest extension"
            );
        });
    }

    [Test]
    public async Task A_candidate_a_day_short_of_a_year_as_activist_is_409_with_the_date_and_accepted_on_it()
    {
        var activist = await Member("满一年积极分子", "Activist", appliedOn: "2024-12-15", activistOn: "2025-06-15");
        object Body(string decidedOn) =>
            new
            {
                decidedOn,
                introducerIds = _introducers,
                politicalReviewOn = "2026-05-20",
                trainingHours = 24,
                noticeFrom = "2026-06-01",
                noticeTo = "2026-06-05",
            };
        var early = await Json.Problem(
            await Step(activist, "candidate", Body("2026-06-14")),
            HttpStatusCode.Conflict,
            code: "candidate_too_early"
        );
        var candidate = await Json.Read(await Step(activist, "candidate", Body("2026-06-15")), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(early.Str("earliestOn"), Is.EqualTo("2026-06-15"));
            Assert.That(candidate.Str("stage"), Is.EqualTo("Candidate"));
        });
    }

    [Test]
    public async Task A_conversion_racing_an_extension_never_both_succeed()
    {
        // Probation ended 2026-01-01, so a conversion today is due; an extension moves that date, and the
        // conversion checked against the old version must then be refused rather than slip through.
        var probationary = await Member("并发转正", "Probationary");
        var responses = await Task.WhenAll(
            Step(probationary, "conversion", Conversion("2026-06-15")),
            Step(probationary, "extension", Extension("2026-01-05", 6, "需要继续考察"))
        );
        var pipeline = await Json.Read(await Get($"/api/v1/members/{probationary}/pipeline"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1), "one of the two wins");
            Assert.That(
                responses.Count(r => r.StatusCode == HttpStatusCode.Conflict),
                Is.EqualTo(1),
                "the other is 409, never a 500"
            );
            Assert.That(
                pipeline.Str("stage") == "Full"
                    ^ pipeline.GetProperty("extensionMonths").ValueKind == System.Text.Json.JsonValueKind.Number,
                Is.True,
                "converted or extended, not both"
            );
        });
    }

    [Test]
    public async Task Dates_outside_1900_to_2199_and_a_long_phone_are_400s_on_their_fields()
    {
        var applicant = await Member("远日期", "Applicant", appliedOn: "2025-01-01");
        var farFuture = await Json.Problem(
            await Step(applicant, "activist", new { decidedOn = "9999-12-31", cultivationContacts = new[] { "张三" } }),
            HttpStatusCode.BadRequest,
            field: "decidedOn"
        );
        await Json.Problem(
            await Post(
                "/api/v1/members",
                NewMember.Full(_branch, "生于未来", "9999-12-31", "2025-01-01", "2026-01-01", category: "Farmer")
            ),
            HttpStatusCode.BadRequest,
            field: "idNumber"
        );
        await Json.Problem(
            await Post(
                "/api/v1/members",
                NewMember.Full(
                    _branch,
                    "长电话",
                    joinedOn: "2025-01-01",
                    fullMemberOn: "2026-01-01",
                    category: "Farmer"
                ) with
                {
                    Phone = "+" + new string('1', 20),
                }
            ),
            HttpStatusCode.BadRequest,
            field: "phone"
        );
        // A notice running past the decision holds the vote until the day after it ends. 19 June 2026 is 端午节,
        // so five working days from Monday 15 June end on Monday 22 June.
        var activist = await Member("公示跨过决定", "Activist", appliedOn: "2024-01-10", activistOn: "2024-09-01");
        var candidate = await Json.Read(
            await Step(
                activist,
                "candidate",
                new
                {
                    decidedOn = "2026-06-15",
                    introducerIds = _introducers,
                    politicalReviewOn = "2026-05-20",
                    trainingHours = 24,
                    noticeFrom = "2026-06-15",
                    noticeTo = "2026-06-22",
                }
            ),
            HttpStatusCode.OK
        );
        Assert.That(candidate.GetProperty("next").Str("earliestOn"), Is.EqualTo("2026-06-23"));
        Assert.That(
            farFuture.GetProperty("errors").ToString(),
            Does.Contain("1900-01-01"),
            "the message says which dates are allowed"
        );
    }

    [Test]
    public async Task An_early_step_may_be_overridden_only_with_the_override_permission_and_a_reason_and_is_audited()
    {
        var probationary = await Member("破格预备党员", "Probationary", birth: "1985-05-05");
        var username = Unique("manager");
        await Json.Read(
            await Post("/api/v1/users", new NewUser(username, "党员管理员", "Manager-Password-1", ["MemberManager"])),
            HttpStatusCode.Created
        );
        var manager = await SignedInClient(username, "Manager-Password-1");
        var body = JsonSerializer.Serialize(Conversion("2025-12-01", new { reason = "上级党委批准提前转正" }));
        var refused = await manager.PostAsync(
            $"/api/v1/members/{probationary}/pipeline/conversion",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json")
        );
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        await Json.Problem(
            await Step(probationary, "conversion", Conversion("2025-12-01", new { reason = "" })),
            HttpStatusCode.BadRequest,
            field: "override.reason"
        );
        var converted = await Json.Read(
            await Step(probationary, "conversion", Conversion("2025-12-01", new { reason = "上级党委批准提前转正" })),
            HttpStatusCode.OK
        );
        var audit = await Json.Read(
            await Get($"/api/v1/audit?entityId={probationary}&action=ConvertToFullMember"),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(converted.Str("stage"), Is.EqualTo("Full"));
            Assert.That(
                converted.Str("fullMemberOn"),
                Is.EqualTo("2026-01-01"),
                "even an overridden conversion dates from the end of the probation"
            );
            Assert.That(converted.GetProperty("steps")[0].Str("overrideReason"), Is.EqualTo("上级党委批准提前转正"));
            Assert.That(audit.GetProperty("items")[0].Str("changes"), Does.Contain("上级党委批准提前转正"));
        });
    }

    [Test]
    public async Task A_record_registered_at_a_later_stage_keeps_the_least_times_between_its_dates_unless_overridden()
    {
        NewMember Record(
            string name,
            string stage,
            string? appliedOn,
            string? activistOn,
            string? candidateOn,
            string? joinedOn,
            string? fullMemberOn,
            object? overridden = null
        ) =>
            new()
            {
                OrganizationId = _branch,
                Name = name,
                IdNumber = TestIdNumbers.For("1990-02-02"),
                Category = "Farmer",
                Stage = stage,
                AppliedOn = appliedOn,
                ActivistOn = activistOn,
                CandidateOn = candidateOn,
                JoinedOn = joinedOn,
                FullMemberOn = fullMemberOn,
                Override = overridden,
            };
        var activist = await Json.Problem(
            await Post(
                "/api/v1/members",
                Record("登记积极分子", "Activist", "2025-01-10", "2025-07-09", null, null, null)
            ),
            HttpStatusCode.Conflict,
            code: "activist_too_early"
        );
        var candidate = await Json.Problem(
            await Post(
                "/api/v1/members",
                Record("登记发展对象", "Candidate", "2024-07-10", "2025-01-10", "2026-01-09", null, null)
            ),
            HttpStatusCode.Conflict,
            code: "candidate_too_early"
        );
        var full = await Json.Problem(
            await Post("/api/v1/members", Record("登记正式党员", "Full", null, null, null, "2025-03-01", "2026-02-28")),
            HttpStatusCode.Conflict,
            code: "conversion_too_early"
        );
        await Json.Read(
            await Post("/api/v1/members", Record("如期转正", "Full", null, null, null, "2025-03-01", "2026-03-01")),
            HttpStatusCode.Created
        );
        await Json.Read(
            await Post(
                "/api/v1/members",
                Record("如期积极分子", "Candidate", "2024-07-10", "2025-01-10", "2026-01-10", null, null)
            ),
            HttpStatusCode.Created
        );

        var username = Unique("registrar");
        await Json.Read(
            await Post("/api/v1/users", new NewUser(username, "登记员", "Manager-Password-1", ["MemberManager"])),
            HttpStatusCode.Created
        );
        var manager = await SignedInClient(username, "Manager-Password-1");
        var reason = new { reason = "档案记载经上级党委批准提前转正" };
        var notAllowed = await manager.PostAsync(
            "/api/v1/members",
            new StringContent(
                JsonSerializer.Serialize(
                    Record("无权破格", "Full", null, null, null, "2025-03-01", "2026-02-28", reason),
                    Json.Options
                ),
                System.Text.Encoding.UTF8,
                "application/json"
            )
        );
        var overridden = await Json.Read(
            await Post(
                "/api/v1/members",
                Record("破格登记", "Full", null, null, null, "2025-03-01", "2026-02-28", reason)
            ),
            HttpStatusCode.Created
        );
        var audit = await Json.Read(
            await Get($"/api/v1/audit?entityId={overridden.Id()}&action=CreateMember"),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That((activist.Str("earliestOn"), activist.Str("field")), Is.EqualTo(("2025-07-10", "activistOn")));
            Assert.That(
                (candidate.Str("earliestOn"), candidate.Str("field")),
                Is.EqualTo(("2026-01-10", "candidateOn"))
            );
            Assert.That((full.Str("earliestOn"), full.Str("field")), Is.EqualTo(("2026-03-01", "fullMemberOn")));
            Assert.That(full.Str("rule"), Does.Contain("预备期"));
            Assert.That(notAllowed.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(overridden.Str("fullMemberOn"), Is.EqualTo("2026-02-28"));
            Assert.That(audit.GetProperty("items")[0].Str("changes"), Does.Contain("档案记载经上级党委批准提前转正"));
        });
    }

    [Test]
    public async Task The_talk_is_due_within_a_month_of_the_application_recorded_once_and_later_only_with_a_reason()
    {
        var applicant = await Member("待谈话申请人", "Applicant", appliedOn: "2026-05-15");
        var late = await Member("谈话逾期申请人", "Applicant", appliedOn: "2026-03-01");
        var due = await Json.Read(await Get($"/api/v1/members/{applicant}/pipeline"), HttpStatusCode.OK);

        await Json.Problem(
            await Step(applicant, "talk", new { talkOn = "2026-05-14", talkedBy = "支部书记王某" }),
            HttpStatusCode.BadRequest,
            field: "talkOn"
        );
        var onTheLastDay = await Json.Read(
            await Step(applicant, "talk", new { talkOn = "2026-06-15", talkedBy = "支部书记王某" }),
            HttpStatusCode.OK
        );
        var twice = await Json.Problem(
            await Step(applicant, "talk", new { talkOn = "2026-06-15", talkedBy = "组织委员" }),
            HttpStatusCode.Conflict,
            code: "talk_recorded"
        );
        var tooLate = await Json.Problem(
            await Step(late, "talk", new { talkOn = "2026-04-02", talkedBy = "组织委员" }),
            HttpStatusCode.Conflict,
            code: "talk_too_late"
        );
        var excused = await Json.Read(
            await Step(
                late,
                "talk",
                new
                {
                    talkOn = "2026-04-02",
                    talkedBy = "组织委员",
                    @override = new { reason = "申请人外出务工，返乡后补谈" },
                }
            ),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(due.Str("talkDueBy"), Is.EqualTo("2026-06-15"));
            Assert.That(due.GetProperty("talkOn").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
            Assert.That(onTheLastDay.Str("talkOn"), Is.EqualTo("2026-06-15"));
            Assert.That(
                onTheLastDay.GetProperty("talkDueBy").ValueKind,
                Is.EqualTo(System.Text.Json.JsonValueKind.Null)
            );
            Assert.That(
                onTheLastDay.GetProperty("steps").EnumerateArray().Select(s => s.Str("step")),
                Is.EqualTo(new[] { "Application", "Talk" })
            );
            Assert.That(
                onTheLastDay.GetProperty("steps")[1].GetProperty("details").Str("talkedBy"),
                Is.EqualTo("支部书记王某")
            );
            Assert.That(
                onTheLastDay.GetProperty("next").Str("step"),
                Is.EqualTo("Activist"),
                "the talk is a duty with a deadline, not a gate"
            );
            Assert.That(twice.Str("talkOn"), Is.EqualTo("2026-06-15"));
            Assert.That((tooLate.Str("latestOn"), tooLate.Str("field")), Is.EqualTo(("2026-04-01", "talkOn")));
            Assert.That(
                excused.GetProperty("steps")[1].Str("overrideReason"),
                Is.EqualTo("申请人外出务工，返乡后补谈")
            );
        });
    }
}
