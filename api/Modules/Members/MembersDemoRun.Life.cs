using System.Globalization;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Members.ReceiveTransfer;
using Jiceng.Modules.Members.RecordHardship;
using Jiceng.Modules.Members.RecordMeeting;
using Jiceng.Modules.Members.ReportToCommunity;
using Jiceng.Modules.Members.TransferMember;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Members;

/// <summary>The demo's organization life (三会一课), hardship register, 双报到 and transfer letters.</summary>
internal sealed partial class DemoMembersRun
{
    private static readonly string[] ThemeDayTopics =
    [
        "学习贯彻党的二十届四中全会精神",
        "重温入党誓词，过政治生日",
        "党员志愿服务进小区、进农户",
        "学习《中国共产党纪律处分条例》",
        "“我为群众办实事”：走访困难群众",
        "观看党史专题片，交流学习体会",
    ];

    /// <summary>
    /// Half a year of organization life: a theme day each month, a general meeting each quarter, a party lecture.
    /// Floating members were last there eight months ago, so the lost-contact list has them; activists come to the
    /// lecture.
    /// </summary>
    private async Task MeetingsAsync(
        OrganizationReference branch,
        int index,
        IReadOnlyList<DemoMember> people,
        CancellationToken cancellationToken
    )
    {
        List<DemoMember> Members(DateOnly on, bool floating = false, bool activists = false) =>
            people
                .Where(m =>
                    (m.JoinedOn <= on && (floating || m.Category != MemberCategory.Floating))
                    || (activists && m.Stage is MemberStage.Activist or MemberStage.Candidate)
                )
                .ToList();
        var day = 3 + index % 20;
        var earlier = Month(8, day);
        await MeetingAsync(
            branch,
            MeetingKind.ThemeDay,
            earlier,
            ThemeDayTopics[1],
            Members(earlier, true),
            cancellationToken
        );
        for (var m = 5; m >= 0; m--)
        {
            var on = Month(m, day);
            if (on < today)
            {
                var topic = ThemeDayTopics[(index + m) % ThemeDayTopics.Length];
                await MeetingAsync(branch, MeetingKind.ThemeDay, on, topic, Members(on), cancellationToken);
            }
        }
        foreach (var (months, topic) in new[] { (5, "通报上半年党费收缴使用情况"), (2, "组织生活会和民主评议党员") })
        {
            var on = Month(months, day + 5);
            await MeetingAsync(branch, MeetingKind.GeneralMeeting, on, topic, Members(on), cancellationToken);
        }
        var lecture = Month(1, day + 1);
        await MeetingAsync(
            branch,
            MeetingKind.PartyLecture,
            lecture,
            "书记讲党课：坚定理想信念，践行初心使命",
            Members(lecture, activists: true),
            cancellationToken
        );
    }

    /// <summary>A day of the month some months back, never after yesterday.</summary>
    private DateOnly Month(int monthsBack, int day)
    {
        var month = today.AddMonths(-monthsBack);
        var date = new DateOnly(month.Year, month.Month, Math.Min(day, DateTime.DaysInMonth(month.Year, month.Month)));
        return date < today ? date : today.AddDays(-1);
    }

    private async Task MeetingAsync(
        OrganizationReference branch,
        MeetingKind kind,
        DateOnly heldOn,
        string topic,
        IReadOnlyList<DemoMember> attendees,
        CancellationToken cancellationToken
    )
    {
        if (attendees.Count == 0)
        {
            return;
        }
        await mediator.Send(
            new RecordMeetingCommand(
                new RecordMeetingRequest(branch.Id, kind, heldOn, topic, attendees.Select(a => a.Id).ToList())
            ),
            cancellationToken
        );
        Counts.Add("meetings");
    }

    /// <summary>
    /// 困难党员 where they are found: old members and farmers of villages and communities (none in the units'
    /// branches), one entry of every few ended after help.
    /// </summary>
    private async Task HardshipsAsync(
        OrganizationReference branch,
        int index,
        IReadOnlyList<DemoMember> full,
        CancellationToken cancellationToken
    )
    {
        if (branch.Field is not ("Village" or "UrbanCommunity"))
        {
            return;
        }
        var oldest = full.MaxBy(m => m.Age)!;
        var (category, notes) =
            oldest.Age >= 75
                ? (HardshipCategory.Elderly, "年老体弱，独居，子女在外地工作，日常生活需要照料。")
                : (HardshipCategory.Illness, "患脑梗后长期康复治疗，医疗支出大，家庭收入下降。");
        await HardshipAsync(oldest, category, today.AddDays(-200 - index * 37 % 500), null, notes, cancellationToken);
        if (
            index % 3 == 0
            && full.FirstOrDefault(m => m.Category == MemberCategory.Farmer && m != oldest) is { } farmer
        )
        {
            await HardshipAsync(
                farmer,
                index % 2 == 0 ? HardshipCategory.Disaster : HardshipCategory.LowIncome,
                today.AddMonths(-20),
                today.AddMonths(-8),
                index % 2 == 0
                    ? "房屋遭受洪涝受损，已获救灾补助并修缮完毕。"
                    : "家庭人均收入低于当地低保标准，已通过产业帮扶增收。",
                cancellationToken
            );
        }
    }

    private async Task HardshipAsync(
        DemoMember member,
        HardshipCategory category,
        DateOnly since,
        DateOnly? until,
        string notes,
        CancellationToken cancellationToken
    )
    {
        await mediator.Send(
            new RecordHardshipCommand(member.Id, new RecordHardshipRequest(category, since, until, notes)),
            cancellationToken
        );
        Counts.Add("hardships");
    }

    /// <summary>双报到: the in-service members of a unit's branch report to the community where they live.</summary>
    private async Task ReportToCommunityAsync(
        DemoCommunityReport pair,
        IReadOnlyDictionary<string, OrganizationReference> organizations,
        CancellationToken cancellationToken
    )
    {
        if (!organizations.TryGetValue(pair.From, out var from) || !organizations.TryGetValue(pair.To, out var to))
        {
            logger.LogWarning("Demo 双报到: no {From} or {To} in the region", pair.From, pair.To);
            return;
        }
        var reporting = _members
            .Where(m => m.Branch.Id == from.Id && m.Category == MemberCategory.InService && m.Stage == MemberStage.Full)
            .Take(2)
            .ToList();
        for (var i = 0; i < reporting.Count; i++)
        {
            await mediator.Send(
                new ReportToCommunityCommand(
                    reporting[i].Id,
                    new ReportToCommunityRequest(to.Id, today.AddDays(-60 - i * 150 - from.Name.Length * 7))
                ),
                cancellationToken
            );
            Counts.Add("community reports");
        }
    }

    /// <summary>
    /// Letters both ways: out of 鸡西 to 甘井子 and into 鸡西 from 大庆 (both received, so the member moved), one out of
    /// the system to another province (received: the member left the register), one still on its way and one
    /// whose validity ran out before anyone received it.
    /// </summary>
    private async Task TransfersAsync(IReadOnlyList<OrganizationReference> roots, CancellationToken cancellationToken)
    {
        DemoMember? Leaving(string root, string field) =>
            roots.FirstOrDefault(r => r.Name == root) is { } region
                ? _members.LastOrDefault(m =>
                    m.Branch.Path.StartsWith(region.Path, StringComparison.Ordinal)
                    && m.Branch.Field == field
                    && m.Stage == MemberStage.Full
                    && m.Category is MemberCategory.InService or MemberCategory.Floating
                )
                : null;
        OrganizationReference? Receiving(string root, string field) =>
            roots.FirstOrDefault(r => r.Name == root) is { } region
                ? _members
                    .Select(m => m.Branch)
                    .LastOrDefault(b => b.Path.StartsWith(region.Path, StringComparison.Ordinal) && b.Field == field)
                : null;
        const string Jixi = "中共鸡西市委员会";
        const string Ganjingzi = "中共大连市甘井子区委员会";
        const string Daqing = "中共大庆市委员会";
        const string Dunhua = "中共敦化市委员会";
        const string Hebi = "中共鹤壁市城乡一体化示范区工作委员会";
        var letters = new DemoLetter[]
        {
            new(Leaving(Jixi, "PrivateEnterprise"), Receiving(Ganjingzi, "PrivateEnterprise"), null, "鸡组转", 70, 58),
            new(Leaving(Daqing, "Village"), Receiving(Jixi, "PrivateEnterprise"), null, "庆组转", 50, 41),
            new(Leaving(Ganjingzi, "StateOwnedEnterprise"), null, "中共山东省青岛市黄岛区委组织部", "甘组转", 100, 82),
            new(Leaving(Dunhua, "Government"), Receiving(Hebi, "PrivateEnterprise"), null, "敦组转", 20, null),
            new(Leaving(Hebi, "Village"), Receiving(Jixi, "Village"), null, "鹤示组转", 130, null),
        };
        var number = 0;
        foreach (var (member, to, external, prefix, issuedDaysAgo, receivedDaysAgo) in letters)
        {
            if (member is null || (to is null && external is null))
            {
                continue;
            }
            var issuedOn = today.AddDays(-issuedDaysAgo);
            var letter = await mediator.Send(
                new TransferMemberCommand(
                    member.Id,
                    new TransferMemberRequest(
                        to?.Id,
                        external,
                        $"{prefix}〔{issuedOn.Year.ToString(CultureInfo.InvariantCulture)}〕"
                            + $"{(++number * 17).ToString(CultureInfo.InvariantCulture)}号",
                        issuedOn,
                        external is not null
                    )
                ),
                cancellationToken
            );
            Counts.Add("transfers");
            if (receivedDaysAgo is { } received)
            {
                await mediator.Send(
                    new ReceiveTransferCommand(
                        letter.Id,
                        letter.Version,
                        new ReceiveTransferRequest(today.AddDays(-received))
                    ),
                    cancellationToken
                );
                Counts.Add("received");
            }
        }
    }
}

/// <summary>A transfer letter of the demo: who, where to, and how many days ago it was issued and received.</summary>
internal sealed record DemoLetter(
    DemoMember? Member,
    OrganizationReference? To,
    string? External,
    string Prefix,
    int IssuedDaysAgo,
    int? ReceivedDaysAgo
);
