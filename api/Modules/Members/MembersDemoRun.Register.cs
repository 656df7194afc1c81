using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Members;

/// <summary>The region's wider hardship register (困难党员台账), for the care fund's demo.</summary>
internal sealed partial class DemoMembersRun
{
    private static readonly (HardshipCategory Category, string Notes)[] RegisterReasons =
    [
        (HardshipCategory.Elderly, "年老体弱，老伴去世后独居，日常生活需要照料。"),
        (HardshipCategory.Illness, "患慢性病长期服药，医疗支出大，家庭收入下降。"),
        (HardshipCategory.LowIncome, "家庭人均收入低于当地低保标准，子女尚在上学。"),
        (HardshipCategory.Disability, "因伤致残，丧失部分劳动能力。"),
        (HardshipCategory.Illness, "配偶患重病住院，家庭负债较多。"),
        (HardshipCategory.Disaster, "房屋遭受洪涝受损，生产生活困难。"),
    ];

    /// <summary>
    /// Full members entered on the register cohort by cohort, in the region's village and community branches in
    /// turn (where 困难党员 are found), older farmers and retirees, each through CreateMember and RecordHardship.
    /// </summary>
    private async Task HardshipRegisterAsync(
        DemoRegion region,
        OrganizationReference root,
        IReadOnlyList<OrganizationReference> branches,
        CancellationToken cancellationToken
    )
    {
        var register = region.HardshipRegister!;
        var wider = region with
        {
            Surnames = [.. region.Surnames, .. register.Surnames],
            MaleNames = [.. region.MaleNames, .. register.MaleNames],
            FemaleNames = [.. region.FemaleNames, .. register.FemaleNames],
        };
        var places = branches
            .Where(b =>
                b.Path.StartsWith(root.Path, StringComparison.Ordinal) && b.Field is "Village" or "UrbanCommunity"
            )
            .ToList();
        if (places.Count == 0)
        {
            return;
        }
        var branchRules = new Dictionary<Guid, MemberPipelineRules>();
        var k = 0;
        foreach (var cohort in register.Cohorts)
        {
            for (var i = 0; i < cohort.Members; i++, k++)
            {
                var branch = places[k % places.Count];
                if (!branchRules.TryGetValue(branch.Id, out var rules1))
                {
                    rules1 = await rules.MemberPipelineRulesAsync(branch.Id, cancellationToken);
                    branchRules[branch.Id] = rules1;
                }
                var (age, category) =
                    branch.Field == "Village"
                        ? (58 + DemoPeople.Pick(k, 31, 27), MemberCategory.Farmer)
                        : (63 + DemoPeople.Pick(k, 31, 24), MemberCategory.Retired);
                var member = await RegisterFullAsync(wider, branch, rules1, age, category, cancellationToken);
                var (reason, notes) = RegisterReasons[k % RegisterReasons.Length];
                var since = today.AddMonths(-cohort.SinceMonthsAgo).AddDays(-DemoPeople.Pick(k, 32, 60));
                await HardshipAsync(member, reason, since, null, notes, cancellationToken);
            }
        }
    }
}
