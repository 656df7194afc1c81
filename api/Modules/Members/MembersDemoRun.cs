using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.AdmitProbationary;
using Jiceng.Modules.Members.AppointActivist;
using Jiceng.Modules.Members.ConvertToFullMember;
using Jiceng.Modules.Members.CreateMember;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Members.ExtendProbation;
using Jiceng.Modules.Members.NominateCandidate;
using Jiceng.Modules.Members.RecordTalk;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Members;

/// <summary>One seeded person as the later steps of the seed need them.</summary>
internal sealed class DemoMember(Guid id, string name, OrganizationReference branch, MemberCategory category, int age)
{
    public Guid Id => id;
    public string Name => name;
    public OrganizationReference Branch => branch;
    public MemberCategory Category => category;
    public int Age => age;
    public MemberStage Stage { get; set; }
    public DateOnly? JoinedOn { get; set; }
}

/// <summary>The ways through the pipeline the demo shows; the branches take them in turn, two each.</summary>
internal enum DemoPath
{
    TalkDue,
    TalkOverdue,
    Talked,
    ActivistDue,
    Activist,
    CandidateDue,
    Candidate,
    CandidateNoticeJustEnded,
    Probationary,
    ProbationOverdue,
    ProbationExtended,
    Converted,
}

/// <summary>One run of the demo seed: the members of each branch, then their organization life and the rest.</summary>
internal sealed partial class DemoMembersRun(
    IMediator mediator,
    IOrganizationDirectory organizations,
    MemberRuleSets rules,
    DateOnly today,
    ILogger logger
)
{
    private readonly DemoPeople _people = new(today);
    private readonly List<DemoMember> _members = [];
    private int _path;

    public DemoCounts Counts { get; } = new();

    public async Task SeedAsync(DemoMembersFile seed, CancellationToken cancellationToken)
    {
        var roots = await organizations.ListRootsAsync(cancellationToken);
        var branches = await organizations.ListBranchesAsync(cancellationToken);
        foreach (var region in seed.Regions)
        {
            var root = roots.FirstOrDefault(r => r.Name == region.Root);
            if (root is null)
            {
                logger.LogWarning("Demo members: no region {Root} in the tree", region.Root);
                continue;
            }
            var index = 0;
            foreach (var branch in branches.Where(b => b.Path.StartsWith(root.Path, StringComparison.Ordinal)))
            {
                await SeedBranchAsync(region, branch, index++, cancellationToken);
            }
            var subtree = await organizations.SubtreeWithinAsync(root.Id, DataScope.WholeTree, cancellationToken);
            var inRegion = (await organizations.ListActiveInSubtreeAsync(subtree!, cancellationToken)).ToDictionary(
                o => o.Name,
                StringComparer.Ordinal
            );
            foreach (var pair in region.CommunityReports)
            {
                await ReportToCommunityAsync(pair, inRegion, cancellationToken);
            }
        }
        await TransfersAsync(roots, cancellationToken);
        // Last, so the people drawn before (names, ID numbers) stay what they were without the register.
        foreach (var region in seed.Regions.Where(r => r.HardshipRegister is not null))
        {
            if (roots.FirstOrDefault(r => r.Name == region.Root) is { } root)
            {
                await HardshipRegisterAsync(region, root, branches, cancellationToken);
            }
        }
    }

    private async Task SeedBranchAsync(
        DemoRegion region,
        OrganizationReference branch,
        int index,
        CancellationToken cancellationToken
    )
    {
        var branchRules = await rules.MemberPipelineRulesAsync(branch.Id, cancellationToken);
        var full = new List<DemoMember>();
        foreach (var (age, category) in FullMemberProfiles(branch))
        {
            full.Add(await RegisterFullAsync(region, branch, branchRules, age, category, cancellationToken));
        }
        var pipeline = new List<DemoMember>();
        for (var i = 0; i < 2; i++)
        {
            var path = (DemoPath)(_path++ % Enum.GetValues<DemoPath>().Length);
            pipeline.Add(await PipelineAsync(region, branch, branchRules, path, full, cancellationToken));
        }
        await MeetingsAsync(branch, index, [.. full, .. pipeline], cancellationToken);
        await HardshipsAsync(branch, index, full, cancellationToken);
    }

    /// <summary>Ages and categories as the branch's field has them: villages farm, communities have retirees.</summary>
    private static (int Age, MemberCategory Category)[] FullMemberProfiles(OrganizationReference branch) =>
        branch.Name.Contains("离退休", StringComparison.Ordinal)
            ?
            [
                (84, MemberCategory.Retired),
                (77, MemberCategory.Retired),
                (70, MemberCategory.Retired),
                (64, MemberCategory.Retired),
            ]
            : branch.Field switch
            {
                "Village" =>
                [
                    (76, MemberCategory.Farmer),
                    (58, MemberCategory.Farmer),
                    (45, MemberCategory.Farmer),
                    (34, MemberCategory.Floating),
                ],
                "UrbanCommunity" =>
                [
                    (81, MemberCategory.Retired),
                    (67, MemberCategory.Retired),
                    (46, MemberCategory.InService),
                    (38, MemberCategory.InService),
                ],
                "PrivateEnterprise" =>
                [
                    (47, MemberCategory.InService),
                    (39, MemberCategory.InService),
                    (31, MemberCategory.InService),
                    (35, MemberCategory.Floating),
                ],
                "Other" =>
                [
                    (51, MemberCategory.InService),
                    (42, MemberCategory.InService),
                    (30, MemberCategory.InService),
                    (36, MemberCategory.Floating),
                ],
                _ =>
                [
                    (53, MemberCategory.InService),
                    (44, MemberCategory.InService),
                    (33, MemberCategory.InService),
                    (66, MemberCategory.Retired),
                ],
            };

    private async Task<DemoMember> RegisterFullAsync(
        DemoRegion region,
        OrganizationReference branch,
        MemberPipelineRules branchRules,
        int baseAge,
        MemberCategory category,
        CancellationToken cancellationToken
    )
    {
        var n = _members.Count;
        // Three years either way, but a retiree stays past 60 (retirement age) and no one is 30 years in a branch
        // that is younger than that: the joined date below only needs the person to have been 22.
        var age = Math.Max(baseAge + DemoPeople.Pick(n, 11, 7) - 3, category == MemberCategory.Retired ? 61 : 25);
        // Men are most of the older members and of the farmers.
        var male = DemoPeople.Pick(n, 12, 100) < (category == MemberCategory.Farmer || age >= 70 ? 75 : 55);
        var person = _people.Draw(region, branch, age, category, male);
        // Joined between 22 and 33, at least two years ago; converted on the day the probation ended.
        var joined = person
            .BirthDate.AddYears(Math.Min(22 + DemoPeople.Pick(n, 13, 12), age - 2))
            .AddDays(DemoPeople.Pick(n, 14, 200));
        if (joined > today.AddYears(-2))
        {
            joined = today.AddYears(-2).AddDays(-DemoPeople.Pick(n, 15, 300));
        }
        var member = await RegisterAsync(
            person,
            branch,
            age,
            MemberStage.Full,
            null,
            joined,
            joined.AddMonths(branchRules.ProbationMonths.Value),
            cancellationToken
        );
        Counts.Add(nameof(MemberStage.Full));
        return member;
    }

    private async Task<DemoMember> RegisterAsync(
        DemoPerson person,
        OrganizationReference branch,
        int age,
        MemberStage stage,
        DateOnly? appliedOn,
        DateOnly? joinedOn,
        DateOnly? fullMemberOn,
        CancellationToken cancellationToken
    )
    {
        var created = await mediator.Send(
            new CreateMemberCommand(
                new CreateMemberRequest(
                    branch.Id,
                    person.Name,
                    null,
                    person.Ethnicity,
                    null,
                    person.IdNumber,
                    person.Phone,
                    person.Education,
                    person.Occupation,
                    person.Category,
                    stage,
                    appliedOn,
                    null,
                    null,
                    null,
                    joinedOn,
                    fullMemberOn
                )
            ),
            cancellationToken
        );
        Counts.Add("members");
        var member = new DemoMember(created.Id, person.Name, branch, person.Category, age)
        {
            Stage = stage,
            JoinedOn = joinedOn,
        };
        _members.Add(member);
        return member;
    }

    /// <summary>
    /// One person taken along a path through the step commands. Each path fixes its last date and counts the
    /// earlier ones back by the region's least times, so a path "due" stops where the next step's earliest date
    /// has passed, and the talk of "overdue" is over a month late.
    /// </summary>
    private async Task<DemoMember> PipelineAsync(
        DemoRegion region,
        OrganizationReference branch,
        MemberPipelineRules r,
        DemoPath path,
        IReadOnlyList<DemoMember> full,
        CancellationToken cancellationToken
    )
    {
        var n = _members.Count;
        var student = branch.Field == "UrbanCommunity" && n % 3 == 0;
        var category =
            student ? MemberCategory.Student
            : branch.Field == "Village" ? MemberCategory.Farmer
            : MemberCategory.InService;
        var (a, c, p) = (r.ActivistAfterMonths.Value, r.CandidateAfterMonths.Value, r.ProbationMonths.Value);
        DateOnly? vote = path switch
        {
            DemoPath.Probationary => today.AddMonths(-5),
            DemoPath.ProbationOverdue => today.AddMonths(-p - 1).AddDays(-10),
            DemoPath.ProbationExtended => today.AddMonths(-p).AddDays(-20),
            DemoPath.Converted => today.AddMonths(-p - 14),
            _ => null,
        };
        var candidateOn =
            vote?.AddDays(-40)
            ?? path switch
            {
                DemoPath.Candidate => today.AddDays(-75),
                DemoPath.CandidateNoticeJustEnded => today.AddDays(-18),
                _ => (DateOnly?)null,
            };
        var activistOn =
            candidateOn?.AddMonths(-c).AddDays(-12)
            ?? path switch
            {
                DemoPath.Activist => today.AddDays(-40),
                DemoPath.CandidateDue => today.AddMonths(-c).AddDays(-20),
                _ => (DateOnly?)null,
            };
        var appliedOn =
            activistOn?.AddMonths(-a).AddDays(-18)
            ?? path switch
            {
                DemoPath.TalkDue => today.AddDays(-12),
                DemoPath.TalkOverdue => today.AddDays(-45),
                DemoPath.Talked => today.AddDays(-75),
                _ => today.AddMonths(-a).AddDays(-25),
            };
        // Old enough to have applied at 18 (students at 18 or 19), young as most applicants are.
        var appliedYearsAgo = today.Year - appliedOn.Year + 1;
        var age = student
            ? appliedYearsAgo + 18 + DemoPeople.Pick(n, 21, 2)
            : appliedYearsAgo + 22 + DemoPeople.Pick(n, 21, 10);
        var person = _people.Draw(region, branch, age, category, DemoPeople.Pick(n, 22, 100) < 55);
        var member = await RegisterAsync(
            person,
            branch,
            age,
            MemberStage.Applicant,
            appliedOn,
            null,
            null,
            cancellationToken
        );
        if (path is not (DemoPath.TalkDue or DemoPath.TalkOverdue))
        {
            await mediator.Send(
                new RecordTalkCommand(member.Id, new RecordTalkRequest(appliedOn.AddDays(12), full[0].Name, null)),
                cancellationToken
            );
            Counts.Add("talks");
        }
        if (activistOn is not { } activist)
        {
            return Counted(member);
        }
        await mediator.Send(
            new AppointActivistCommand(
                member.Id,
                new AppointActivistRequest(activist, [full[1].Name, full[2].Name], null)
            ),
            cancellationToken
        );
        member.Stage = MemberStage.Activist;
        if (candidateOn is not { } candidate)
        {
            return Counted(member);
        }
        // Two weeks of notice: the region's working days in any week of the year, holidays included.
        var noticeDays = Math.Max(14, r.NoticeMinWorkingDays.Value * 2 + 4);
        await mediator.Send(
            new NominateCandidateCommand(
                member.Id,
                new NominateCandidateRequest(
                    candidate,
                    [full[0].Id, full[1].Id],
                    candidate.AddDays(-10),
                    Math.Max(r.TrainingMinHours.Value, 24) + 8,
                    candidate.AddDays(2),
                    candidate.AddDays(1 + noticeDays),
                    null
                )
            ),
            cancellationToken
        );
        member.Stage = MemberStage.Candidate;
        if (vote is not { } voteOn)
        {
            return Counted(member);
        }
        var voters = full.Where(f => f.Stage == MemberStage.Full && f.JoinedOn <= voteOn).ToList();
        await MeetingAsync(
            branch,
            MeetingKind.GeneralMeeting,
            voteOn,
            $"讨论接收{member.Name}为预备党员",
            voters,
            cancellationToken
        );
        await mediator.Send(
            new AdmitProbationaryCommand(
                member.Id,
                new AdmitProbationaryRequest(
                    voteOn.AddDays(-7),
                    voteOn,
                    voters.Count,
                    voters.Count,
                    voteOn.AddDays(21),
                    null
                )
            ),
            cancellationToken
        );
        member.Stage = MemberStage.Probationary;
        member.JoinedOn = voteOn;
        var probationEnds = voteOn.AddMonths(p);
        if (path == DemoPath.ProbationExtended)
        {
            await MeetingAsync(
                branch,
                MeetingKind.GeneralMeeting,
                probationEnds,
                $"讨论{member.Name}预备期满转正",
                voters,
                cancellationToken
            );
            await mediator.Send(
                new ExtendProbationCommand(
                    member.Id,
                    new ExtendProbationRequest(
                        probationEnds,
                        voters.Count,
                        voters.Count,
                        voters.Count,
                        Approval(probationEnds),
                        DemoApprover,
                        r.ExtensionMinMonths.Value,
                        "预备期内参加组织生活不够经常，理论学习有待加强，支部大会决定延长预备期继续考察。"
                    )
                ),
                cancellationToken
            );
            Counts.Add("extensions");
        }
        if (path != DemoPath.Converted)
        {
            return Counted(member);
        }
        await MeetingAsync(
            branch,
            MeetingKind.GeneralMeeting,
            probationEnds,
            $"讨论{member.Name}预备党员转正",
            voters,
            cancellationToken
        );
        await mediator.Send(
            new ConvertToFullMemberCommand(
                member.Id,
                new ConvertToFullMemberRequest(
                    probationEnds,
                    voters.Count,
                    voters.Count,
                    voters.Count,
                    Approval(probationEnds),
                    DemoApprover,
                    null
                )
            ),
            cancellationToken
        );
        Counts.Add("conversions");
        member.Stage = MemberStage.Full;
        return Counted(member);
    }

    // The higher committee that approves the demo branches' decisions on a probation.
    private const string DemoApprover = "中共鸡西市委组织部";

    // Three weeks after the meeting, as a committee usually takes, but never a day after today.
    private DateOnly Approval(DateOnly meetingOn) => meetingOn.AddDays(21) < today ? meetingOn.AddDays(21) : today;

    private DemoMember Counted(DemoMember member)
    {
        Counts.Add(member.Stage.ToString());
        return member;
    }
}
