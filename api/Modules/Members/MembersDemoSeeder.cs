using System.Globalization;
using Dapper;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Members;

/// <summary>
/// Demo members for the demo tree: six per branch (four full members, one probationary, one applicant), with
/// made-up names and ID numbers that pass the GB 11643 check. Seeded once, when the register is empty.
/// </summary>
internal sealed class MembersDemoSeeder(
    DbConnectionFactory connections,
    IOrganizationDirectory organizations,
    PersonalDataProtector protector,
    TimeProvider clock
) : IDemoSeeder
{
    private const string CountSql = "SELECT COUNT(*) FROM members";

    private static readonly string[] Surnames =
    [
        "王",
        "李",
        "张",
        "刘",
        "陈",
        "杨",
        "赵",
        "黄",
        "周",
        "吴",
        "徐",
        "孙",
        "马",
        "朱",
        "胡",
        "郭",
        "何",
        "林",
        "高",
        "罗",
    ];
    private static readonly string[] GivenNames =
    [
        "建国",
        "秀英",
        "志强",
        "丽华",
        "海燕",
        "国庆",
        "玉兰",
        "德明",
        "桂芳",
        "明辉",
        "淑珍",
        "春生",
        "红梅",
        "永福",
        "晓东",
        "凤霞",
        "振华",
        "翠萍",
    ];
    private static readonly MemberCategory[] Categories =
    [
        MemberCategory.InService,
        MemberCategory.Retired,
        MemberCategory.Farmer,
        MemberCategory.InService,
        MemberCategory.Floating,
    ];
    private static readonly Education[] Educations =
    [
        Education.Bachelor,
        Education.SeniorHigh,
        Education.JuniorHigh,
        Education.College,
        Education.Master,
    ];

    public async Task SeedAsync(string seedDirectory, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long>(CountSql) > 0)
        {
            return;
        }
        var branches = await organizations.ListBranchesAsync(cancellationToken);
        var sql = connections.Dialect.Render(MemberRegistration.InsertSql);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var n = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var today = clock.Today();
        foreach (var branch in branches)
        {
            for (var i = 0; i < 6; i++, n++)
            {
                var stage = i switch
                {
                    < 4 => MemberStage.Full,
                    4 => MemberStage.Probationary,
                    _ => MemberStage.Applicant,
                };
                // Birth years 1940–2003; full members joined at 25 and were converted a year later.
                var birth = new DateOnly(1940 + (n * 7 % 64), 1 + (n % 12), 1 + (n % 28));
                if (stage != MemberStage.Full && birth.Year < 1990)
                {
                    birth = birth.AddYears(1990 - birth.Year + (n % 10));
                }
                var male = n % 3 != 0;
                var first17 =
                    "230302"
                    + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
                    + ((n % 50) * 2 + (male ? 1 : 0)).ToString("000", CultureInfo.InvariantCulture);
                var idNumber = first17 + ChineseIdNumber.CheckCharacter(first17);
                if (!seen.Add(idNumber))
                {
                    continue;
                }
                var joined = stage switch
                {
                    MemberStage.Full => birth.AddYears(25),
                    MemberStage.Probationary => today.AddMonths(-5),
                    _ => (DateOnly?)null,
                };
                // Applicants applied one to nine months ago; two in three have had their talk ten days later, the rest show it due or overdue.
                var applied = stage == MemberStage.Applicant ? today.AddMonths(-(n % 9) - 1) : (DateOnly?)null;
                var talk = n % 3 != 0 ? applied?.AddDays(10) : null;
                var member = new CreateMemberRequest(
                    branch.Id,
                    Surnames[n % Surnames.Length] + GivenNames[n * 7 % GivenNames.Length],
                    null,
                    "汉族",
                    null,
                    idNumber,
                    "139" + (10_000_000 + n * 7_919 % 90_000_000).ToString(CultureInfo.InvariantCulture),
                    Educations[n % Educations.Length],
                    null,
                    Categories[n % Categories.Length],
                    stage,
                    applied,
                    talk,
                    null,
                    null,
                    joined,
                    stage == MemberStage.Full ? joined!.Value.AddYears(1) : null
                );
                await connection.ExecuteAsync(
                    sql,
                    ParameterBinder.Bind(
                        MemberRegistration.InsertParameters(
                            Guid.CreateVersion7(),
                            branch,
                            member,
                            idNumber,
                            protector,
                            clock.GetUtcNow()
                        ),
                        connections.Provider
                    ),
                    transaction
                );
            }
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
