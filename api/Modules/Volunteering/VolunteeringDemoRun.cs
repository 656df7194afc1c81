using System.Globalization;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Contracts;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.AddTeamMember;
using Jiceng.Modules.Volunteering.CheckIn;
using Jiceng.Modules.Volunteering.CheckOut;
using Jiceng.Modules.Volunteering.CreateActivity;
using Jiceng.Modules.Volunteering.CreateTeam;
using Jiceng.Modules.Volunteering.Domain;
using Jiceng.Modules.Volunteering.IssueCertificate;
using Jiceng.Modules.Volunteering.RecordLateEntry;
using Jiceng.Modules.Volunteering.RecordNoShow;
using Jiceng.Modules.Volunteering.RegisterVolunteer;
using Jiceng.Modules.Volunteering.SetTeamLeader;
using Jiceng.Modules.Volunteering.SignUpForActivity;
using Mediator;

namespace Jiceng.Modules.Volunteering;

/// <summary>One region as the seed works through it: its organizations, volunteers, teams and what it made.
/// </summary>
internal sealed class DemoRegionRun(VolunteeringDemoRegion region, DataScope scope)
{
    public VolunteeringDemoRegion Region => region;
    public DataScope Scope => scope;
    public List<OrganizationReference> Communities { get; } = [];
    public List<OrganizationReference> Organizations { get; } = [];
    public Dictionary<Guid, List<Guid>> VolunteersByOrganization { get; } = [];
    public List<(Guid Id, Guid OrganizationId)> Teams { get; } = [];

    /// <summary>Demands claimed from the pool and demands done for a member in hardship, so far.</summary>
    public int Claimed { get; set; }
    public int DoneForMembersInHardship { get; set; }
    public int WishesDone { get; set; }
}

/// <summary>
/// One run of the demo seed. Each step is a command sent at the moment it would have happened: <see cref="At"/> sets
/// the <see cref="DemoClock"/> of this flow there first. Names are drawn from the region's own lists and never cross
/// regions; choices are spread deterministically (no Random: the same tree and day give the same demo).
/// </summary>
internal sealed partial class VolunteeringDemoRun(
    IMediator mediator,
    IOrganizationDirectory organizations,
    IMemberHardships hardships,
    IMemberVolunteers memberVolunteers,
    VolunteeringRuleSets rules,
    VolunteeringDemoFile seed,
    DateOnly today,
    DateTimeOffset realNow,
    ILogger logger
)
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private readonly Dictionary<string, string> _nameRegion = new(StringComparer.Ordinal);
    private readonly DateOnly realToday = DateOnly.FromDateTime(
        TimeZoneInfo.ConvertTime(realNow, ShanghaiCalendar.Zone).DateTime
    );
    private int _drawn;

    public VolunteeringDemoCounts Counts { get; } = new();

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var roots = await organizations.ListRootsAsync(cancellationToken);
        foreach (var region in seed.Regions)
        {
            var root = roots.FirstOrDefault(r => r.Name == region.Root);
            if (root is null)
            {
                logger.LogWarning("Demo volunteering: no region {Root} in the tree", region.Root);
                continue;
            }
            var subtree = (await organizations.SubtreeWithinAsync(root.Id, DataScope.WholeTree, cancellationToken))!;
            var run = new DemoRegionRun(region, new DataScope(subtree.PathFrom, subtree.PathTo));
            var all = await organizations.ListActiveInSubtreeAsync(subtree, cancellationToken);
            run.Organizations.AddRange(all.OrderBy(o => o.Path, StringComparer.Ordinal));
            run.Communities.AddRange(run.Organizations.Where(o => o.Field is "UrbanCommunity" or "Village"));
            if (run.Communities.Count == 0)
            {
                run.Communities.AddRange(run.Organizations);
            }
            await VolunteersAsync(run, cancellationToken);
            await TeamsAsync(run, cancellationToken);
            await ShowcaseDemandsAsync(run, cancellationToken);
            await BulkDemandsAsync(run, cancellationToken);
            await WishesAsync(run, cancellationToken);
            await ActivitiesAsync(run, cancellationToken);
        }
    }

    /// <summary>
    /// Sets this flow's clock to the day and time (Shanghai) a step happened: never later than the demo's day, and
    /// never after the real now (a step "today at 15:00" seeded at 08:00 happens a minute ago instead).
    /// </summary>
    private void At(DateOnly day, int hour, int minute = 0)
    {
        var moment = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), Shanghai);
        DemoClock.Set(moment < realNow ? moment : realNow.AddMinutes(-1));
    }

    private static DateTimeOffset Moment(DateOnly day, int hour, int minute = 0) =>
        new(day.ToDateTime(new TimeOnly(hour, minute)), Shanghai);

    private async Task<T> Send<T>(ICommand<T> command, CancellationToken cancellationToken)
    {
        Counts.Add("commands");
        return await mediator.Send(command, cancellationToken);
    }

    /// <summary>A spread-out number in [0, count) for the n-th choice and a salt.</summary>
    private static int Pick(int n, int salt, int count) =>
        (int)((((uint)n * 2_654_435_761u) ^ ((uint)salt * 40_503u)) % (uint)count);

    /// <summary>A resident of the region not drawn before (or, when <paramref name="again"/>, maybe one who was:
    /// the same families ask more than once), never a name of another region.</summary>
    private string Name(VolunteeringDemoRegion region, bool again = false)
    {
        var n = ++_drawn;
        var given = Pick(n, 5, 2) == 0 ? region.MaleNames : region.FemaleNames;
        var pool = region.Surnames.Count * given.Count;
        var start = Pick(n, 4, pool);
        for (var i = 0; i < pool; i++)
        {
            var k = (start + i) % pool;
            var name = region.Surnames[k % region.Surnames.Count] + given[k / region.Surnames.Count];
            if (_nameRegion.TryGetValue(name, out var owner))
            {
                if (again && owner == region.Root)
                {
                    return name;
                }
                continue;
            }
            _nameRegion[name] = region.Root;
            return name;
        }
        throw new InvalidOperationException($"{VolunteeringDemoSeeder.FileName}: {region.Root} has too few names.");
    }

    private static string Phone(int n) =>
        "13"
        + (5 + n % 4).ToString(CultureInfo.InvariantCulture)
        + (20_000_000 + (n * 7_907 % 79_000_000)).ToString(CultureInfo.InvariantCulture);

    private string[] SkillsFor(int n) =>
        [seed.Skills[Pick(n, 7, seed.Skills.Count)], seed.Skills[Pick(n + 1, 8, seed.Skills.Count)]];

    /// <summary>
    /// Five residents per community registered as volunteers, and the party members who report to a community there
    /// (双报到) registered as member volunteers of it: they are whom the teams are made of.
    /// </summary>
    private async Task VolunteersAsync(DemoRegionRun run, CancellationToken cancellationToken)
    {
        At(today.AddDays(-400), 9);
        foreach (var community in run.Communities)
        {
            var list = new List<Guid>();
            for (var i = 0; i < 5; i++)
            {
                var n = _drawn + 1;
                var volunteer = await Send(
                    new RegisterVolunteerCommand(
                        new RegisterVolunteerRequest(
                            community.Id,
                            VolunteerKind.Resident,
                            null,
                            Name(run.Region),
                            Phone(n),
                            SkillsFor(n)
                        )
                    ),
                    cancellationToken
                );
                list.Add(volunteer.Id);
                Counts.Add("volunteers");
            }
            run.VolunteersByOrganization[community.Id] = list;
        }
        var reports = await memberVolunteers.CommunityReportsAsync(run.Scope, today, today, cancellationToken);
        foreach (var report in reports.DistinctBy(r => r.MemberId))
        {
            if (!run.VolunteersByOrganization.TryGetValue(report.CommunityOrganizationId, out var list))
            {
                continue;
            }
            At(report.ReportedOn > today.AddDays(-400) ? report.ReportedOn : today.AddDays(-400), 10);
            var volunteer = await Send(
                new RegisterVolunteerCommand(
                    new RegisterVolunteerRequest(
                        report.CommunityOrganizationId,
                        VolunteerKind.Member,
                        report.MemberId,
                        null,
                        null,
                        SkillsFor(list.Count + report.Name.Length)
                    )
                ),
                cancellationToken
            );
            list.Insert(0, volunteer.Id);
            Counts.Add("volunteers");
        }
    }

    /// <summary>
    /// The region's party volunteer teams (党员志愿服务队), spread over its communities, each named for its theme, with
    /// two of the community's volunteers and the first as its leader.
    /// </summary>
    private async Task TeamsAsync(DemoRegionRun run, CancellationToken cancellationToken)
    {
        var themes = seed.TeamThemes;
        var perCommunity = new Dictionary<Guid, int>();
        for (var t = 0; t < run.Region.Teams; t++)
        {
            var community = run.Communities[t % run.Communities.Count];
            var index = perCommunity[community.Id] = perCommunity.GetValueOrDefault(community.Id) + 1;
            var round = (index - 1) / themes.Count;
            var name = themes[(index - 1) % themes.Count] + "党员志愿服务队" + (round == 0 ? "" : $"第{round + 1}分队");
            At(today.AddDays(-380 + t % 30), 9);
            var team = await Send(
                new CreateTeamCommand(new CreateTeamRequest(community.Id, name, SkillsFor(t))),
                cancellationToken
            );
            var volunteers = run.VolunteersByOrganization[community.Id];
            var first = volunteers[index % volunteers.Count];
            var second = volunteers[(index + 1) % volunteers.Count];
            team = await Send(
                new AddTeamMemberCommand(team.Id, team.Version, new AddTeamMemberRequest(first)),
                cancellationToken
            );
            team = await Send(
                new AddTeamMemberCommand(team.Id, team.Version, new AddTeamMemberRequest(second)),
                cancellationToken
            );
            await Send(
                new SetTeamLeaderCommand(team.Id, team.Version, new SetTeamLeaderRequest(first)),
                cancellationToken
            );
            run.Teams.Add((team.Id, community.Id));
            Counts.Add("teams");
        }
    }

    /// <summary>
    /// In each region an activity a fortnight ago (three served, one of them leaving early, and a no-show), one next
    /// week with two signed up, and a late entry (补录) waiting for another coordinator's approval; in the region
    /// marked so, a volunteer who served thirteen Saturdays of eight hours (104 hours: 一星) and has a certificate,
    /// and one at 99 hours who checked in at an activity running now: checking them out gives hours and a star.
    /// </summary>
    private async Task ActivitiesAsync(DemoRegionRun run, CancellationToken cancellationToken)
    {
        var (teamId, organizationId) = run.Teams.Count > 0 ? run.Teams[0] : (Guid.Empty, run.Communities[0].Id);
        var volunteers = run.VolunteersByOrganization[organizationId];
        var past = today.AddDays(-14);
        At(past.AddDays(-7), 10);
        var activity = await NewActivityAsync(
            organizationId,
            teamId,
            "入户走访困难党员、清扫楼道",
            Moment(past, 9),
            Moment(past, 12),
            10,
            cancellationToken
        );
        var sessions = new List<SessionResponse>();
        foreach (var volunteer in volunteers.Take(3))
        {
            sessions.Add(await SignUpAsync(activity.Id, volunteer, cancellationToken));
        }
        var noShow = await SignUpAsync(activity.Id, volunteers[3], cancellationToken);
        for (var i = 0; i < sessions.Count; i++)
        {
            At(past, 8, 55);
            var session = await Send(
                new CheckInCommand(sessions[i].Id, sessions[i].Version, Organizer()),
                cancellationToken
            );
            // The third leaves at 11:20: 2 h 25 min, which the rounding rule credits as 2.5 hours.
            if (i == 2)
            {
                At(past, 11, 20);
            }
            else
            {
                At(past, 12, 0);
            }
            await Send(new CheckOutCommand(session.Id, session.Version, Organizer()), cancellationToken);
        }
        At(past, 12, 30);
        await Send(new RecordNoShowCommand(noShow.Id, noShow.Version), cancellationToken);
        At(today.AddDays(-2), 16);
        await Send(
            new RecordLateEntryCommand(
                activity.Id,
                new LateEntryRequest(
                    volunteers[^1],
                    Moment(past, 9),
                    Moment(past, 11),
                    AttendanceEvidence.ServedPerson,
                    "当天签到表遗漏，由服务对象确认后补录"
                )
            ),
            cancellationToken
        );
        At(today, 9);
        var next = await NewActivityAsync(
            organizationId,
            teamId,
            "社区义诊和理发进楼院",
            Moment(today.AddDays(7), 9),
            Moment(today.AddDays(7), 11, 30),
            8,
            cancellationToken
        );
        foreach (var volunteer in volunteers.Take(2))
        {
            await SignUpAsync(next.Id, volunteer, cancellationToken);
        }
        if (run.Region.StarVolunteer)
        {
            await StarVolunteerAsync(organizationId, teamId, volunteers[0], volunteers[1], cancellationToken);
            await RunningActivityAsync(organizationId, teamId, volunteers[1], volunteers[2], cancellationToken);
        }
    }

    private async Task StarVolunteerAsync(
        Guid organizationId,
        Guid teamId,
        Guid volunteer,
        Guid nearlyStar,
        CancellationToken cancellationToken
    )
    {
        var saturday = today.AddDays(-21 - ((int)today.DayOfWeek + 1) % 7);
        for (var week = 0; week < 13; week++)
        {
            var day = saturday.AddDays(-7 * week);
            At(day.AddDays(-3), 10);
            var activity = await NewActivityAsync(
                organizationId,
                teamId,
                "周末助老服务日：上门助餐、陪诊和打扫",
                Moment(day, 8),
                Moment(day, 16),
                20,
                cancellationToken
            );
            // The second volunteer came twelve of the thirteen Saturdays: 96 hours, 99 with the fortnight's three.
            Guid[] served = week < 12 ? [volunteer, nearlyStar] : [volunteer];
            foreach (var person in served)
            {
                var session = await SignUpAsync(activity.Id, person, cancellationToken);
                At(day, 7, 50);
                session = await Send(new CheckInCommand(session.Id, session.Version, Organizer()), cancellationToken);
                At(day, 16, 5);
                await Send(new CheckOutCommand(session.Id, session.Version, Organizer()), cancellationToken);
                At(day.AddDays(-3), 10);
            }
        }
        At(today.AddDays(-1), 10);
        await Send(new IssueCertificateCommand(volunteer), cancellationToken);
        Counts.Add("certificates");
    }

    /// <summary>
    /// An activity that started three hours before the demo was seeded and runs five more: one volunteer checked in
    /// half an hour after the start and is still there, another signed up and not yet arrived.
    /// </summary>
    private async Task RunningActivityAsync(
        Guid organizationId,
        Guid teamId,
        Guid checkedIn,
        Guid expected,
        CancellationToken cancellationToken
    )
    {
        var startsAt = new DateTimeOffset(
            realNow.Ticks - realNow.Ticks % TimeSpan.TicksPerMinute,
            realNow.Offset
        ).AddHours(-3);
        DemoClock.Set(startsAt.AddDays(-2));
        var activity = await NewActivityAsync(
            organizationId,
            teamId,
            "党群服务中心志愿值守：代办咨询、助老帮扶",
            startsAt,
            startsAt.AddHours(8),
            10,
            cancellationToken
        );
        var session = await SignUpAsync(activity.Id, checkedIn, cancellationToken);
        await SignUpAsync(activity.Id, expected, cancellationToken);
        DemoClock.Set(startsAt.AddMinutes(30));
        await Send(new CheckInCommand(session.Id, session.Version, Organizer()), cancellationToken);
    }

    private static AttendanceRequest Organizer() => new(AttendanceEvidence.Organizer, null, "组织者现场确认");

    private async Task<ActivityResponse> NewActivityAsync(
        Guid organizationId,
        Guid teamId,
        string title,
        DateTimeOffset startsAt,
        DateTimeOffset endsAt,
        int quota,
        CancellationToken cancellationToken
    )
    {
        Counts.Add("activities");
        return await Send(
            new CreateActivityCommand(
                new CreateActivityRequest(
                    organizationId,
                    teamId == Guid.Empty ? null : teamId,
                    title,
                    "社区党群服务中心",
                    startsAt,
                    endsAt,
                    quota
                )
            ),
            cancellationToken
        );
    }

    private async Task<SessionResponse> SignUpAsync(
        Guid activityId,
        Guid volunteer,
        CancellationToken cancellationToken
    )
    {
        Counts.Add("sign-ups");
        return await Send(new SignUpCommand(activityId, new SignUpRequest(volunteer)), cancellationToken);
    }
}
