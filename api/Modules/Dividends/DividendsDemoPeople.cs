using System.Globalization;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;

namespace Jiceng.Modules.Dividends;

/// <summary>A made-up member of a demo collective: a plausible, fake ID number with its check character.</summary>
internal sealed record DemoPerson(
    string Name,
    string IdNumber,
    HouseholdRelation Relation,
    int Age,
    string? BankAccount
);

internal sealed record DemoHousehold(string Number, IReadOnlyList<DemoPerson> Members);

/// <summary>
/// The people of a demo collective's register, made up the same way on every start (a fixed seed): households of
/// one to six (an old couple, a young family, three generations under one roof), exactly the number of members and
/// of members at or above the pension age the seed file asks for, ID numbers of the collective's own county with the
/// birth date and sex they say and a correct check character, and a made-up bank account (Luhn-checked, with a
/// prefix no bank issues to the public) for each adult.
/// </summary>
internal static class DividendsDemoPeople
{
    private enum Band
    {
        Old,
        Middle,
        Young,
    }

    // Household shapes in the order the generator tries them; the mix gives about a quarter of members at 60 or over.
    private static readonly (HouseholdRelation Relation, Band Band)[][] Shapes =
    [
        [
            (HouseholdRelation.Head, Band.Middle),
            (HouseholdRelation.Spouse, Band.Middle),
            (HouseholdRelation.Child, Band.Young),
        ],
        [
            (HouseholdRelation.Head, Band.Middle),
            (HouseholdRelation.Spouse, Band.Middle),
            (HouseholdRelation.Child, Band.Young),
            (HouseholdRelation.Child, Band.Young),
        ],
        [
            (HouseholdRelation.Head, Band.Middle),
            (HouseholdRelation.Spouse, Band.Middle),
            (HouseholdRelation.Parent, Band.Old),
            (HouseholdRelation.Child, Band.Young),
        ],
        [(HouseholdRelation.Head, Band.Old), (HouseholdRelation.Spouse, Band.Old)],
        [(HouseholdRelation.Head, Band.Middle), (HouseholdRelation.Spouse, Band.Middle)],
        [
            (HouseholdRelation.Head, Band.Middle),
            (HouseholdRelation.Spouse, Band.Middle),
            (HouseholdRelation.Parent, Band.Old),
            (HouseholdRelation.Parent, Band.Old),
            (HouseholdRelation.Child, Band.Young),
            (HouseholdRelation.Child, Band.Young),
        ],
        [(HouseholdRelation.Head, Band.Old)],
        [
            (HouseholdRelation.Head, Band.Old),
            (HouseholdRelation.Spouse, Band.Old),
            (HouseholdRelation.Child, Band.Middle),
            (HouseholdRelation.Grandchild, Band.Young),
        ],
    ];

    private const string Surnames =
        "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任"
        + "姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段";

    private static readonly string[] MaleGiven =
    [
        "建国",
        "国庆",
        "志强",
        "海军",
        "永刚",
        "福生",
        "春雷",
        "新民",
        "德明",
        "文华",
        "长江",
        "玉林",
        "占山",
        "宝田",
        "振东",
        "立军",
        "晓东",
        "子轩",
        "浩然",
        "宇航",
        "明",
        "伟",
        "磊",
        "军",
        "涛",
        "斌",
        "鹏",
        "超",
        "勇",
        "杰",
    ];

    private static readonly string[] FemaleGiven =
    [
        "秀英",
        "桂兰",
        "玉兰",
        "淑珍",
        "凤英",
        "秀芝",
        "翠花",
        "春梅",
        "丽华",
        "红霞",
        "海燕",
        "晓丽",
        "雪梅",
        "美玲",
        "淑芬",
        "金凤",
        "雨欣",
        "梓涵",
        "欣怡",
        "诗琪",
        "芳",
        "敏",
        "静",
        "丽",
        "艳",
        "娟",
        "霞",
        "燕",
        "洁",
        "婷",
    ];

    /// <summary>
    /// The households of a register: <paramref name="members"/> people of whom exactly <paramref name="elderly"/> are
    /// at least <paramref name="elderlyAge"/> on <paramref name="agesOn"/> and the rest younger, so a pension part
    /// with that minimum age reaches exactly the number the seed file names.
    /// </summary>
    public static IReadOnlyList<DemoHousehold> Households(
        int seed,
        string numberPrefix,
        string areaCode,
        int members,
        int elderly,
        int elderlyAge,
        DateOnly agesOn,
        IReadOnlyList<string> namedHeads
    )
    {
        if (elderly > members || elderly < 0)
        {
            throw new InvalidOperationException("The seed asks for more elderly members than members.");
        }
        var random = new Random(seed);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var households = new List<DemoHousehold>();
        var (leftMembers, leftElderly, next) = (members, elderly, 0);
        while (leftMembers > 0)
        {
            var shape = PickShape(ref next, leftMembers, leftElderly);
            var named = households.Count < namedHeads.Count ? namedHeads[households.Count] : null;
            var people = MakeHousehold(random, shape, elderlyAge, agesOn, areaCode, taken, named);
            leftMembers -= people.Count;
            leftElderly -= people.Count(p => p.Age >= elderlyAge);
            households.Add(
                new DemoHousehold(
                    numberPrefix + (households.Count + 1).ToString("D4", CultureInfo.InvariantCulture),
                    people
                )
            );
        }
        if (leftElderly != 0)
        {
            throw new InvalidOperationException("The demo register missed its number of elderly members.");
        }
        return households;
    }

    private static (HouseholdRelation Relation, Band Band)[] PickShape(ref int next, int leftMembers, int leftElderly)
    {
        for (var tried = 0; tried < Shapes.Length; tried++)
        {
            var shape = Shapes[(next + tried) % Shapes.Length];
            var old = shape.Count(s => s.Band == Band.Old);
            // The shape fits, and what is left can still hold the elderly still to place.
            if (shape.Length <= leftMembers && old <= leftElderly && leftMembers - shape.Length >= leftElderly - old)
            {
                next = (next + tried + 1) % Shapes.Length;
                return shape;
            }
        }
        return leftElderly > 0 ? [(HouseholdRelation.Head, Band.Old)] : [(HouseholdRelation.Head, Band.Middle)];
    }

    private static List<DemoPerson> MakeHousehold(
        Random random,
        (HouseholdRelation Relation, Band Band)[] shape,
        int elderlyAge,
        DateOnly agesOn,
        string areaCode,
        HashSet<string> taken,
        string? namedHead
    )
    {
        var surname = Surnames[random.Next(Surnames.Length)].ToString();
        var headMale = namedHead is not null || random.Next(100) < 85;
        var headAge = shape[0].Band == Band.Old ? random.Next(elderlyAge, elderlyAge + 26) : random.Next(30, 57);
        var people = new List<DemoPerson>();
        var parents = 0;
        var childAge = 0;
        foreach (var (relation, band) in shape)
        {
            var (male, age, family) = relation switch
            {
                HouseholdRelation.Head => (headMale, headAge, true),
                HouseholdRelation.Spouse => (
                    !headMale,
                    Math.Max(band == Band.Old ? elderlyAge : 30, headAge + random.Next(-4, 3)),
                    false
                ),
                HouseholdRelation.Parent => (
                    parents++ == 0,
                    Math.Max(elderlyAge, Math.Min(92, headAge + random.Next(22, 30))),
                    parents == 1
                ),
                HouseholdRelation.Grandchild => (
                    random.Next(2) == 0,
                    random.Next(5, Math.Max(6, Math.Min(29, childAge - 20))),
                    true
                ),
                _ => (
                    random.Next(2) == 0,
                    band == Band.Middle
                        ? random.Next(30, Math.Max(31, Math.Min(elderlyAge - 1, headAge - 20)))
                        : random.Next(5, Math.Max(6, Math.Min(29, headAge - 20))),
                    true
                ),
            };
            if (relation == HouseholdRelation.Child && band == Band.Middle)
            {
                childAge = age;
            }
            // A spouse who is not elderly stays below the pension age, so the count of elderly members holds.
            if (band != Band.Old && age >= elderlyAge)
            {
                age = elderlyAge - 1;
            }
            var name =
                relation == HouseholdRelation.Head && namedHead is not null
                    ? namedHead
                    : (
                        family && !(relation == HouseholdRelation.Parent && !male)
                            ? surname
                            : Surnames[random.Next(Surnames.Length)].ToString()
                    ) + (male ? MaleGiven : FemaleGiven)[random.Next(MaleGiven.Length)];
            var idNumber = IdNumber(random, areaCode, agesOn, age, male, taken);
            people.Add(new DemoPerson(name, idNumber, relation, age, age >= 18 ? BankAccount(random) : null));
        }
        return people;
    }

    /// <summary>Area code, birth date (aged exactly <paramref name="age"/> on the day), sequence with the sex in
    /// its parity, and the GB 11643 check character; never the same number twice in one register.</summary>
    private static string IdNumber(
        Random random,
        string areaCode,
        DateOnly agesOn,
        int age,
        bool male,
        HashSet<string> taken
    )
    {
        var birth = agesOn.AddYears(-age).AddDays(-random.Next(0, 360));
        while (true)
        {
            var sequence = random.Next(0, 500) * 2 + (male ? 1 : 0);
            var first17 =
                areaCode
                + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
                + sequence.ToString("D3", CultureInfo.InvariantCulture);
            var number = first17 + ChineseIdNumber.CheckCharacter(first17);
            if (taken.Add(number))
            {
                return number;
            }
        }
    }

    /// <summary>19 digits with a Luhn check digit; 999 starts no card any bank issues, so it is plainly made
    /// up.</summary>
    private static string BankAccount(Random random)
    {
        var digits = "999" + string.Concat(Enumerable.Range(0, 15).Select(_ => (char)('0' + random.Next(10))));
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            // From the right, the digits in the check digit's even places are doubled.
            if (i % 2 == 0)
            {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }
            sum += d;
        }
        return digits + (char)('0' + (10 - sum % 10) % 10);
    }
}
