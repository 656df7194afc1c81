using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Security;

/// <summary>
/// The matrix's samples for Volunteering's teams, volunteers, activities and hours: per side, objects built as the
/// administrator in the state each step needs (a session signed up, one checked in, late entries recorded by the
/// administrator so the scoped admin may decide them: a recorder never approves their own entry).
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    private sealed record HoursSide(
        Guid Team,
        Guid Joining,
        Guid Leader,
        Guid Activity,
        Guid PastActivity,
        Guid SigningUp,
        Guid LateComer,
        Guid ToCheckIn,
        Guid ToCheckOut,
        Guid ToMiss,
        Guid ToApprove,
        Guid ToReject,
        Guid Certified,
        Guid Certificate,
        string CheckCode,
        DateTimeOffset PastStart
    );

    private static readonly ConcurrentDictionary<Guid, HoursSide> HoursSides = new();

    /// <summary>Sessions have no read route, so their versions are kept as the build leaves them.</summary>
    private static readonly ConcurrentDictionary<Guid, long> SessionVersions = new();

    private const string HoursUrl = "/api/v1/volunteering";

    private static readonly string[] SessionSteps = ["/check-in", "/check-out", "/no-show", "/approve", "/reject"];

    private static bool IsHoursStep(string url) =>
        (
            url.StartsWith(HoursUrl + "/sessions/", StringComparison.Ordinal)
            && SessionSteps.Any(step => url.EndsWith(step, StringComparison.Ordinal))
        )
        || (
            url.StartsWith(HoursUrl + "/teams/", StringComparison.Ordinal)
            && (url.EndsWith("/members", StringComparison.Ordinal) || url.EndsWith("/leader", StringComparison.Ordinal))
        );

    /// <summary>The ETag of an hours step: the team's through its read, a session's as the build left it.</summary>
    private static async Task<string> HoursETag(HttpClient caller, string url)
    {
        var owner = url[..url.LastIndexOf('/')];
        if (owner.StartsWith(HoursUrl + "/sessions/", StringComparison.Ordinal))
        {
            var id = Guid.Parse(owner[(owner.LastIndexOf('/') + 1)..]);
            return $"\"{SessionVersions.GetValueOrDefault(id, 1)}\"";
        }
        var team = await caller.GetAsync(owner);
        return team.Headers.ETag?.Tag ?? "\"1\"";
    }

    // The Volunteering part owns the one static constructor, so these samples join from the set-up.
    private static void AddHoursSamples()
    {
        HoursSide H(Side s) => HoursSides[s.Root];
        Samples["RegisterVolunteer"] = s =>
            (
                $"{HoursUrl}/volunteers",
                new
                {
                    organizationId = s.Branch,
                    kind = "Resident",
                    name = "矩阵志愿者",
                    phone = "13900001111",
                    skills = new[] { "助老" },
                }
            );
        Samples["ListVolunteers"] = s => ($"{HoursUrl}/volunteers?organizationId={s.Root}", null);
        Samples["ExportVolunteers"] = s => ($"{HoursUrl}/volunteers/export?organizationId={s.Root}&format=Csv", null);
        Samples["GetVolunteer"] = s => ($"{HoursUrl}/volunteers/{H(s).Joining}", null);
        Samples["RevealVolunteerPhone"] = s =>
            ($"{HoursUrl}/volunteers/{H(s).Joining}/reveal", new { reason = "矩阵通知参加活动" });
        Samples["CreateVolunteerTeam"] = s =>
            ($"{HoursUrl}/teams", new { organizationId = s.Branch, name = "矩阵服务队" });
        Samples["ListVolunteerTeams"] = s => ($"{HoursUrl}/teams?organizationId={s.Root}", null);
        Samples["ExportVolunteerTeams"] = s => ($"{HoursUrl}/teams/export?organizationId={s.Root}&format=Csv", null);
        Samples["GetVolunteerTeam"] = s => ($"{HoursUrl}/teams/{H(s).Team}", null);
        Samples["AddVolunteerTeamMember"] = s =>
            ($"{HoursUrl}/teams/{H(s).Team}/members", new { volunteerId = H(s).Joining });
        Samples["SetVolunteerTeamLeader"] = s =>
            ($"{HoursUrl}/teams/{H(s).Team}/leader", new { volunteerId = H(s).Leader });
        Samples["CreateVolunteerActivity"] = s =>
            (
                $"{HoursUrl}/activities",
                new
                {
                    organizationId = s.Branch,
                    title = "矩阵活动",
                    place = "矩阵服务站",
                    startsAt = H(s).PastStart.AddDays(10),
                    endsAt = H(s).PastStart.AddDays(10).AddHours(2),
                    quota = 5,
                }
            );
        Samples["ListVolunteerActivities"] = s => ($"{HoursUrl}/activities?organizationId={s.Root}", null);
        Samples["ExportVolunteerActivities"] = s =>
            ($"{HoursUrl}/activities/export?organizationId={s.Root}&format=Csv", null);
        Samples["GetVolunteerActivity"] = s => ($"{HoursUrl}/activities/{H(s).Activity}", null);
        Samples["ShowVolunteerSiteCode"] = s => ($"{HoursUrl}/activities/{H(s).Activity}/site-code", null);
        Samples["SignUpForVolunteerActivity"] = s =>
            ($"{HoursUrl}/activities/{H(s).Activity}/sign-ups", new { volunteerId = H(s).SigningUp });
        Samples["CheckInVolunteer"] = s =>
            ($"{HoursUrl}/sessions/{H(s).ToCheckIn}/check-in", new { evidence = "Organizer" });
        Samples["CheckOutVolunteer"] = s =>
            ($"{HoursUrl}/sessions/{H(s).ToCheckOut}/check-out", new { evidence = "Organizer" });
        Samples["RecordVolunteerNoShow"] = s => ($"{HoursUrl}/sessions/{H(s).ToMiss}/no-show", null);
        Samples["RecordVolunteerLateEntry"] = s =>
            (
                $"{HoursUrl}/activities/{H(s).PastActivity}/late-entries",
                new
                {
                    volunteerId = H(s).LateComer,
                    checkedInAt = H(s).PastStart,
                    checkedOutAt = H(s).PastStart.AddMinutes(100),
                    evidence = "Organizer",
                    reason = "矩阵补录：签到系统故障",
                }
            );
        Samples["ApproveVolunteerLateEntry"] = s =>
            ($"{HoursUrl}/sessions/{H(s).ToApprove}/approve", new { note = "同意" });
        Samples["RejectVolunteerLateEntry"] = s =>
            ($"{HoursUrl}/sessions/{H(s).ToReject}/reject", new { reason = "证据不足" });
        Samples["ListVolunteerLateEntries"] = _ => ($"{HoursUrl}/late-entries", null);
        Samples["ExportVolunteerLateEntries"] = _ => ($"{HoursUrl}/late-entries/export?format=Csv", null);
        Samples["IssueVolunteerCertificate"] = s => ($"{HoursUrl}/volunteers/{H(s).Certified}/certificates", null);
        Samples["GetVolunteerCertificate"] = s => ($"{HoursUrl}/certificates/{H(s).Certificate}", null);
        Samples["CheckVolunteerCertificate"] = s => ($"{HoursUrl}/public/certificates/{H(s).CheckCode}", null);
        Samples["ListCommunityServiceHours"] = s =>
            ($"{HoursUrl}/community-hours?organizationId={s.Root}&year={H(s).PastStart.Year}", null);
        Samples["ExportCommunityServiceHours"] = s =>
            ($"{HoursUrl}/community-hours/export?organizationId={s.Root}&year={H(s).PastStart.Year}&format=Csv", null);
    }

    /// <summary>Each side's team, activities, sessions, late entries and certificate; needs the scoped admin, who
    /// approves the administrator's late entry so the certified volunteer has hours.</summary>
    private async Task BuildHoursSides()
    {
        AddHoursSamples();
        var now = Clock.GetUtcNow();
        // A recorder never approves their own entry: an unscoped coordinator credits the certified volunteer.
        await Json.Read(
            await Post(
                "/api/v1/users",
                new NewUser("matrix-approver", "矩阵审核员", ScopedPassword, ["VolunteerCoordinator"])
            ),
            HttpStatusCode.Created
        );
        var approver = await SignedInClient("matrix-approver", ScopedPassword);
        foreach (var side in new[] { _a, _b })
        {
            async Task<Guid> Volunteer(string name) =>
                (
                    await Json.Read(
                        await Post(
                            $"{HoursUrl}/volunteers",
                            new
                            {
                                organizationId = side.Branch,
                                kind = "Resident",
                                name,
                                phone = "13900002222",
                            }
                        ),
                        HttpStatusCode.Created
                    )
                ).Id();
            async Task<JsonElement> Activity(DateTimeOffset start) =>
                await Json.Read(
                    await Post(
                        $"{HoursUrl}/activities",
                        new
                        {
                            organizationId = side.Branch,
                            title = "矩阵义剪",
                            place = "矩阵养老服务站",
                            startsAt = start,
                            endsAt = start.AddHours(3),
                            quota = 20,
                        }
                    ),
                    HttpStatusCode.Created
                );
            var team = (
                await Json.Read(
                    await Post($"{HoursUrl}/teams", new { organizationId = side.Branch, name = "矩阵队" }),
                    HttpStatusCode.Created
                )
            ).Id();
            var joining = await Volunteer("矩阵新队员");
            var leader = await Volunteer("矩阵队长");
            await Json.Read(
                await Post($"{HoursUrl}/teams/{team}/members", new { volunteerId = leader }, "\"1\""),
                HttpStatusCode.OK
            );
            var activity = (await Activity(now.AddMinutes(-30))).Id();
            var pastStart = now.AddDays(-2);
            var past = (await Activity(pastStart)).Id();
            async Task<JsonElement> SignUp(string name) =>
                await Json.Read(
                    await Post(
                        $"{HoursUrl}/activities/{activity}/sign-ups",
                        new { volunteerId = await Volunteer(name) }
                    ),
                    HttpStatusCode.Created
                );
            var toCheckIn = await SignUp("矩阵签到");
            var toMiss = await SignUp("矩阵缺席");
            var toCheckOut = await SignUp("矩阵签退");
            toCheckOut = await Json.Read(
                await Post(
                    $"{HoursUrl}/sessions/{toCheckOut.Id()}/check-in",
                    new { evidence = "Organizer" },
                    $"\"{toCheckOut.GetProperty("version").GetInt64()}\""
                ),
                HttpStatusCode.OK
            );
            async Task<JsonElement> LateEntry(Guid volunteer) =>
                await Json.Read(
                    await Post(
                        $"{HoursUrl}/activities/{past}/late-entries",
                        new
                        {
                            volunteerId = volunteer,
                            checkedInAt = pastStart,
                            checkedOutAt = pastStart.AddMinutes(100),
                            evidence = "Organizer",
                            reason = "矩阵补录：当日签到系统故障",
                        }
                    ),
                    HttpStatusCode.Created
                );
            var toApprove = await LateEntry(await Volunteer("矩阵待批"));
            var toReject = await LateEntry(await Volunteer("矩阵待驳"));
            var certified = await Volunteer("矩阵持证");
            var credited = await LateEntry(certified);
            await Json.Read(
                await Send(
                    approver,
                    "POST",
                    $"{HoursUrl}/sessions/{credited.Id()}/approve",
                    new { note = "同意" },
                    $"\"{credited.GetProperty("version").GetInt64()}\""
                ),
                HttpStatusCode.OK
            );
            var certificate = await Json.Read(
                await Post($"{HoursUrl}/volunteers/{certified}/certificates", null),
                HttpStatusCode.Created
            );
            foreach (var session in new[] { toCheckIn, toMiss, toCheckOut, toApprove, toReject })
            {
                SessionVersions[session.Id()] = session.GetProperty("version").GetInt64();
            }
            HoursSides[side.Root] = new HoursSide(
                team,
                joining,
                leader,
                activity,
                past,
                await Volunteer("矩阵报名"),
                await Volunteer("矩阵补录"),
                toCheckIn.Id(),
                toCheckOut.Id(),
                toMiss.Id(),
                toApprove.Id(),
                toReject.Id(),
                certified,
                certificate.Id(),
                certificate.Str("checkCode"),
                pastStart
            );
        }
    }
}
