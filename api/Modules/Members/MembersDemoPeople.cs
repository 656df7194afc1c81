using System.Globalization;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Members;

/// <summary>A region of scripts/seed/demo-members.json: its district codes, its names and its 双报到 pairs.</summary>
internal sealed record DemoRegion(
    string Root,
    IReadOnlyList<string> AreaCodes,
    IReadOnlyList<DemoDistrict> Districts,
    IReadOnlyList<string> Surnames,
    IReadOnlyList<string> MaleNames,
    IReadOnlyList<string> FemaleNames,
    IReadOnlyDictionary<string, string> Ethnicities,
    IReadOnlyList<DemoCommunityReport> CommunityReports
)
{
    /// <summary>The region's register of members in hardship beyond the branches' own (the care fund's demo needs
    /// as many people as its source article helped); none when absent.</summary>
    public DemoHardshipRegister? HardshipRegister { get; init; }
}

/// <summary>
/// Extra members in hardship for a region, spread over its village and community branches: each cohort entered the
/// register <c>SinceMonthsAgo</c> months before today. Their names also come from the extra surnames and given
/// names, so a register of more than a thousand needs no name twice.
/// </summary>
internal sealed record DemoHardshipRegister(
    IReadOnlyList<DemoHardshipCohort> Cohorts,
    IReadOnlyList<string> Surnames,
    IReadOnlyList<string> MaleNames,
    IReadOnlyList<string> FemaleNames
);

internal sealed record DemoHardshipCohort(int Members, int SinceMonthsAgo);

/// <summary>Organizations whose name contains <c>Match</c> lie in the district with these area codes.</summary>
internal sealed record DemoDistrict(string Match, IReadOnlyList<string> AreaCodes);

/// <summary>In-service members of the branch <c>From</c> report to the residence community <c>To</c> (双报到).</summary>
internal sealed record DemoCommunityReport(string From, string To);

internal sealed record DemoMembersFile(IReadOnlyList<DemoRegion> Regions);

/// <summary>
/// A made-up person: the ID number carries the district, the birth date and the sex, as a real one does.
/// </summary>
internal sealed record DemoPerson(
    string Name,
    string IdNumber,
    DateOnly BirthDate,
    bool Male,
    string Ethnicity,
    MemberCategory Category,
    Education Education,
    string Occupation,
    string Phone
);

/// <summary>
/// Draws demo people: names from the region's own lists and never twice in the whole seed, ID numbers with the
/// area code of the organization's district, a birth date giving the age asked on <c>today</c>, the sex in the
/// 17th digit (odd for men), and a category and education that fit the age. Deterministic: the same tree and day
/// give the same people.
/// </summary>
internal sealed class DemoPeople(DateOnly today)
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _idNumbers = new(StringComparer.Ordinal);
    private int _drawn;

    /// <summary>
    /// A spread-out number in [0, count) for the n-th draw and a salt (no Random: the seed replays the same).
    /// </summary>
    public static int Pick(int n, int salt, int count) =>
        (int)((((uint)n * 2_654_435_761u) ^ ((uint)salt * 40_503u)) % (uint)count);

    public DemoPerson Draw(
        DemoRegion region,
        OrganizationReference organization,
        int age,
        MemberCategory category,
        bool male
    )
    {
        var n = ++_drawn;
        var birth = today.AddYears(-age).AddDays(-1 - Pick(n, 1, 360));
        var codes =
            region
                .Districts.FirstOrDefault(d => organization.Name.Contains(d.Match, StringComparison.Ordinal))
                ?.AreaCodes
            ?? region.AreaCodes;
        var area = codes[Pick(n, 2, codes.Count)];
        var idNumber = IdNumber(area, birth, male, n);
        var name = Name(region, male, n);
        var surname = name[..1];
        return new DemoPerson(
            name,
            idNumber,
            birth,
            male,
            region.Ethnicities.GetValueOrDefault(surname, "汉族"),
            category,
            EducationFor(category, age, organization.Field, n),
            OccupationFor(category, organization.Field, n),
            "13"
                + (7 + n % 3).ToString(CultureInfo.InvariantCulture)
                + (10_000_000 + (n * 7_919 % 89_000_000)).ToString(CultureInfo.InvariantCulture)
        );
    }

    // Sequence numbers from 100: the browser tests register 230302 numbers with sequences below 100.
    private string IdNumber(string area, DateOnly birth, bool male, int n)
    {
        for (var attempt = 0; ; attempt++)
        {
            var sequence = 100 + ((Pick(n, 3, 440) + attempt) % 440) * 2 + (male ? 1 : 0);
            var first17 =
                area
                + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
                + sequence.ToString("000", CultureInfo.InvariantCulture);
            var idNumber = first17 + ChineseIdNumber.CheckCharacter(first17);
            if (_idNumbers.Add(idNumber))
            {
                return idNumber;
            }
        }
    }

    private string Name(DemoRegion region, bool male, int n)
    {
        var given = male ? region.MaleNames : region.FemaleNames;
        var pool = region.Surnames.Count * given.Count;
        var start = Pick(n, 4, pool);
        for (var i = 0; i < pool; i++)
        {
            // A stride coprime with neither list's length would revisit; walking the pool one by one cannot.
            var k = (start + i) % pool;
            var name = region.Surnames[k % region.Surnames.Count] + given[k / region.Surnames.Count];
            if (_names.Add(name))
            {
                return name;
            }
        }
        throw new InvalidOperationException($"demo-members.json: {region.Root} has too few names for its members.");
    }

    private static Education EducationFor(MemberCategory category, int age, string field, int n) =>
        category switch
        {
            MemberCategory.Student => Education.SeniorHigh,
            MemberCategory.Farmer when age >= 60 => n % 2 == 0 ? Education.Primary : Education.JuniorHigh,
            MemberCategory.Farmer => n % 3 == 0 ? Education.SeniorHigh : Education.JuniorHigh,
            MemberCategory.Floating => n % 2 == 0 ? Education.JuniorHigh : Education.Vocational,
            MemberCategory.Retired when age >= 75 => n % 2 == 0 ? Education.JuniorHigh : Education.SeniorHigh,
            MemberCategory.Retired => n % 2 == 0 ? Education.Vocational : Education.College,
            _ when field is "Government" or "PublicInstitution" => n % 4 == 0 ? Education.Master : Education.Bachelor,
            _ when age < 40 => n % 3 == 0 ? Education.College : Education.Bachelor,
            _ => n % 2 == 0 ? Education.College : Education.Vocational,
        };

    private static string OccupationFor(MemberCategory category, string field, int n) =>
        category switch
        {
            MemberCategory.Farmer => n % 3 == 0 ? "种植户" : "农民",
            MemberCategory.Floating => field == "Village" ? "外出务工人员" : "灵活就业人员",
            MemberCategory.Retired => "离退休人员",
            MemberCategory.Student => "在校大学生",
            _ => field switch
            {
                "Government" => "公务员",
                "PublicInstitution" => n % 2 == 0 ? "医务人员" : "事业单位管理人员",
                "StateOwnedEnterprise" => "国有企业职工",
                "PrivateEnterprise" => n % 2 == 0 ? "企业管理人员" : "专业技术人员",
                "UrbanCommunity" => "社区工作者",
                "Village" => "村干部",
                _ => "工程技术人员",
            },
        };
}
