using System.Net;
using System.Text.Json;
using Jiceng.Infrastructure.Database;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Members;

/// <summary>
/// Conversion, extension and cancellation (党章第七条): each is the branch general meeting's decision, with its quorum
/// and vote, and the higher committee's approval; an on-time conversion dates from the end of the probation. Today is
/// 2026-06-15.
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
public sealed class ProbationDecisionTests(DatabaseProvider provider) : ApiTest(provider)
{
    private Guid _branch;

    [OneTimeSetUp]
    public async Task CreateBranch() =>
        _branch = (await CreateOrganization(Unique("转正党支部"), field: "Village")).Id();

    private async Task<Guid> Probationary(string name, string joinedOn, string birth = "1990-01-01") =>
        (
            await Json.Read(
                await Post(
                    "/api/v1/members",
                    new
                    {
                        organizationId = _branch,
                        name,
                        idNumber = TestIdNumbers.For(birth),
                        category = "Farmer",
                        stage = "Probationary",
                        joinedOn,
                    }
                ),
                HttpStatusCode.Created
            )
        ).Id();

    private Task<HttpResponseMessage> Decide(Guid member, string step, object body) =>
        Post($"/api/v1/members/{member}/pipeline/{step}", body);

    private static Dictionary<string, object?> Vote(
        string meetingOn,
        int entitled = 10,
        int attended = 8,
        int votesFor = 7,
        string? approvedOn = null,
        string? approvedBy = "中共某区委组织部"
    ) =>
        new()
        {
            ["meetingOn"] = meetingOn,
            ["entitledVoters"] = entitled,
            ["attended"] = attended,
            ["votesFor"] = votesFor,
            ["approvedOn"] = approvedOn ?? meetingOn,
            ["approvedBy"] = approvedBy,
        };

    private static Dictionary<string, object?> With(Dictionary<string, object?> body, string key, object? value)
    {
        body[key] = value;
        return body;
    }

    private static JsonElement LastStep(JsonElement pipeline) => pipeline.GetProperty("steps").EnumerateArray().Last();

    [Test]
    public async Task An_on_time_conversion_dates_from_the_end_of_probation_and_keeps_the_meeting_and_approval_apart()
    {
        // Joined 2025-06-01: the probation ends 2026-06-01; the branch meets on 06-10 and the committee approves 06-12.
        var member = await Probationary("按期转正", "2025-06-01");
        var converted = await Json.Read(
            await Decide(member, "conversion", Vote("2026-06-10", approvedOn: "2026-06-12")),
            HttpStatusCode.OK
        );
        var step = LastStep(converted);
        var record = await Json.Read(await Get($"/api/v1/members/{member}"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(converted.Str("stage"), Is.EqualTo("Full"));
            Assert.That(converted.Str("fullMemberOn"), Is.EqualTo("2026-06-01"), "the day the probation ends");
            Assert.That(record.Str("fullMemberOn"), Is.EqualTo("2026-06-01"));
            Assert.That(step.Str("step"), Is.EqualTo("Conversion"));
            Assert.That(step.Str("occurredOn"), Is.EqualTo("2026-06-10"), "the meeting's date, recorded apart");
            var details = step.GetProperty("details");
            Assert.That(details.Str("meetingOn"), Is.EqualTo("2026-06-10"));
            Assert.That(details.Str("approvedOn"), Is.EqualTo("2026-06-12"));
            Assert.That(details.Str("approvedBy"), Is.EqualTo("中共某区委组织部"));
            Assert.That(details.Str("fullMemberOn"), Is.EqualTo("2026-06-01"));
            Assert.That(
                (details.GetProperty("entitledVoters").GetInt32(), details.GetProperty("attended").GetInt32()),
                Is.EqualTo((10, 8))
            );
        });
    }

    [Test]
    public async Task Party_standing_and_the_50_year_medal_count_from_the_end_of_probation_not_the_meeting()
    {
        // Admitted 1975-06-20, probation ended 1976-06-20, the conversion recorded only now: 50 years on 1 July 2026.
        var member = await Probationary("补记转正", "1975-06-20", birth: "1950-03-03");
        await Json.Read(await Decide(member, "conversion", Vote("2026-06-15")), HttpStatusCode.OK);
        var record = await Json.Read(await Get($"/api/v1/members/{member}"), HttpStatusCode.OK);
        var medal = (
            await Json.Read(
                await Get($"/api/v1/members/lists/MedalCandidates?organizationId={_branch}&year=2026"),
                HttpStatusCode.OK
            )
        )
            .GetProperty("items")
            .EnumerateArray()
            .Select(m => m.Str("name"));
        Assert.Multiple(() =>
        {
            Assert.That(record.Str("fullMemberOn"), Is.EqualTo("1976-06-20"));
            Assert.That(record.GetProperty("partyStandingYears").GetInt32(), Is.EqualTo(49));
            Assert.That(medal, Does.Contain("补记转正"));
        });
    }

    [Test]
    public async Task Half_attending_is_no_meeting_and_a_failed_vote_is_recorded_while_the_member_stays()
    {
        var member = await Probationary("表决未通过", "2025-06-01");
        var before = await Json.Read(await Get($"/api/v1/members/{member}/pipeline"), HttpStatusCode.OK);
        await Json.Problem(
            await Decide(member, "conversion", Vote("2026-06-10", entitled: 10, attended: 5, votesFor: 5)),
            HttpStatusCode.Conflict,
            code: "meeting_not_quorate"
        );
        var afterNoMeeting = await Json.Read(await Get($"/api/v1/members/{member}/pipeline"), HttpStatusCode.OK);
        // Six of ten attend, so the meeting is held; five yes votes are exactly half of the ten entitled: not carried.
        var failed = await Json.Read(
            await Decide(member, "conversion", Vote("2026-06-10", entitled: 10, attended: 6, votesFor: 5)),
            HttpStatusCode.OK
        );
        var carried = await Json.Read(
            await Decide(member, "conversion", Vote("2026-06-12", entitled: 10, attended: 6, votesFor: 6)),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(
                afterNoMeeting.GetProperty("steps").GetArrayLength(),
                Is.EqualTo(before.GetProperty("steps").GetArrayLength()),
                "no meeting, nothing recorded"
            );
            Assert.That(failed.Str("stage"), Is.EqualTo("Probationary"), "the member stays where they were");
            Assert.That(failed.GetProperty("fullMemberOn").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(LastStep(failed).Str("step"), Is.EqualTo("ConversionRejected"));
            Assert.That(LastStep(failed).GetProperty("details").GetProperty("votesFor").GetInt32(), Is.EqualTo(5));
            Assert.That(LastStep(failed).GetProperty("details").GetProperty("carried").GetBoolean(), Is.False);
            Assert.That(carried.Str("stage"), Is.EqualTo("Full"));
            Assert.That(
                carried.GetProperty("steps").EnumerateArray().Select(s => s.Str("step")),
                Is.SupersetOf(new[] { "ConversionRejected", "Conversion" }),
                "the failed vote stays in the history"
            );
        });
    }

    [Test]
    public async Task A_conversion_is_approved_within_three_months_of_the_meeting_and_its_vote_is_checked()
    {
        // Joined 2025-03-01: the probation ended 2026-03-01; the meeting 2026-03-10, so the approval is due by 06-10.
        var member = await Probationary("转正审批", "2025-03-01");
        var late = await Json.Problem(
            await Decide(member, "conversion", Vote("2026-03-10", approvedOn: "2026-06-11")),
            HttpStatusCode.Conflict,
            code: "approval_too_late"
        );
        Assert.Multiple(async () =>
        {
            Assert.That((late.Str("latestOn"), late.Str("field")), Is.EqualTo(("2026-06-10", "approvedOn")));
            await Json.Problem(
                await Decide(member, "conversion", With(Vote("2026-03-10"), "approvedOn", null)),
                HttpStatusCode.BadRequest,
                field: "approvedOn"
            );
            await Json.Problem(
                await Decide(member, "conversion", Vote("2026-03-10", approvedBy: " ")),
                HttpStatusCode.BadRequest,
                field: "approvedBy"
            );
            await Json.Problem(
                await Decide(member, "conversion", Vote("2026-03-10", attended: 6, votesFor: 7)),
                HttpStatusCode.BadRequest,
                field: "votesFor"
            );
            await Json.Problem(
                await Decide(member, "conversion", Vote("2026-03-10", entitled: 10, attended: 11)),
                HttpStatusCode.BadRequest,
                field: "attended"
            );
            await Json.Problem(
                await Decide(member, "conversion", Vote("2026-03-10", approvedOn: "2026-03-09")),
                HttpStatusCode.BadRequest,
                field: "approvedOn"
            );
        });
        var converted = await Json.Read(
            await Decide(member, "conversion", Vote("2026-03-10", approvedOn: "2026-06-10")),
            HttpStatusCode.OK
        );
        Assert.That(converted.Str("fullMemberOn"), Is.EqualTo("2026-03-01"));
    }

    [Test]
    public async Task Extension_and_cancellation_are_decided_when_the_probation_ends_with_the_meeting_and_approval()
    {
        // Joined 2025-06-16: the probation ends tomorrow, 2026-06-16.
        var notYet = await Probationary("预备期未满", "2025-06-16");
        var extendEarly = await Json.Problem(
            await Decide(notYet, "extension", With(With(Vote("2026-06-15"), "months", 6), "reason", "需要继续考察")),
            HttpStatusCode.Conflict,
            code: "probation_not_ended"
        );
        var cancelEarly = await Json.Problem(
            await Decide(notYet, "cancellation", With(Vote("2026-06-15"), "reason", "不具备党员条件")),
            HttpStatusCode.Conflict,
            code: "probation_not_ended"
        );
        // Joined 2025-06-15: the probation ends today, so today's meeting may decide.
        var due = await Probationary("预备期今日满", "2025-06-15");
        var extended = await Json.Read(
            await Decide(due, "extension", With(With(Vote("2026-06-15"), "months", 6), "reason", "需要继续考察")),
            HttpStatusCode.OK
        );
        var other = await Probationary("取消资格", "2025-06-15");
        var notCancelled = await Json.Read(
            await Decide(
                other,
                "cancellation",
                With(Vote("2026-06-15", attended: 8, votesFor: 4), "reason", "不具备党员条件")
            ),
            HttpStatusCode.OK
        );
        var cancelled = await Json.Read(
            await Decide(other, "cancellation", With(Vote("2026-06-15", votesFor: 6), "reason", "不具备党员条件")),
            HttpStatusCode.OK
        );
        Assert.Multiple(() =>
        {
            Assert.That(
                (extendEarly.Str("earliestOn"), extendEarly.Str("field")),
                Is.EqualTo(("2026-06-16", "meetingOn"))
            );
            Assert.That(cancelEarly.Str("earliestOn"), Is.EqualTo("2026-06-16"));
            Assert.That(extended.GetProperty("extensionMonths").GetInt32(), Is.EqualTo(6));
            Assert.That(extended.Str("probationEndsOn"), Is.EqualTo("2026-12-15"));
            Assert.That(LastStep(extended).GetProperty("details").Str("approvedBy"), Is.EqualTo("中共某区委组织部"));
            Assert.That(notCancelled.Str("status"), Is.EqualTo("Active"));
            Assert.That(LastStep(notCancelled).Str("step"), Is.EqualTo("CancellationRejected"));
            Assert.That(cancelled.Str("status"), Is.EqualTo("Cancelled"));
            Assert.That(LastStep(cancelled).GetProperty("details").Str("meetingOn"), Is.EqualTo("2026-06-15"));
        });
    }
}
