using Dapper;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Modules.Accounts.Domain;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Accounts;

/// <summary>
/// Demo mode only (scripts/run.sh): one user per role, all with the password <see cref="DemoPassword"/>,
/// which run.sh prints. Administrators and the auditor see the whole tree; the others the first region.
/// </summary>
internal sealed class AccountsDemoSeeder(
    DbConnectionFactory connections,
    IOrganizationDirectory organizations,
    TimeProvider clock
) : IDemoSeeder
{
    public const string DemoPassword = "jiceng-demo-2026";

    // Made-up people, as a real department's users have names; the SPA shows each one's role beside the name.
    private static readonly Dictionary<Role, string> DemoNames = new()
    {
        [Role.SystemAdmin] = "李建华",
        [Role.OrganizationAdmin] = "王丽萍",
        [Role.MemberManager] = "赵志刚",
        [Role.VolunteerCoordinator] = "孙晓燕",
        [Role.CollectiveAccountant] = "周国庆",
        [Role.RuralEconomyReviewer] = "钱文军",
        [Role.FundManager] = "吴秀兰",
        [Role.FundApprover] = "郑海波",
        [Role.Auditor] = "冯玉梅",
        [Role.Viewer] = "陈立新",
    };

    private const string ExistsSql = "SELECT COUNT(*) FROM users WHERE username = @username";

    /// <summary>
    /// More people for the care fund's separation of duties (DOMAIN.md §5): the applicant, the preparer, each approval
    /// tier and the payer of one application are five different people, so beside demo-fund-manager (who prepares)
    /// and demo-fund-approver (the street's tier) the branch's clerk applies, a cashier pays and the district's
    /// organization department approves above the street's limit.
    /// </summary>
    private static readonly (string Username, Role Role, string Name)[] CareFundStaff =
    [
        ("demo-fund-clerk", Role.FundManager, "刘桂芝"),
        ("demo-fund-cashier", Role.FundManager, "马春艳"),
        ("demo-fund-approver-district", Role.FundApprover, "韩立军"),
    ];

    public async Task SeedAsync(string seedDirectory, CancellationToken cancellationToken)
    {
        var region = (await organizations.ListRootsAsync(cancellationToken)).FirstOrDefault();
        await using var connection = await connections.OpenAsync(cancellationToken);
        var users = Enum.GetValues<Role>()
            .Select(role =>
                (
                    Username: role == Role.SystemAdmin ? "admin" : "demo-" + Kebab(role.ToString()),
                    Role: role,
                    Name: DemoNames[role]
                )
            )
            .Concat(CareFundStaff);
        foreach (var (username, role, name) in users)
        {
            if (await connection.ExecuteScalarAsync<long>(ExistsSql, new { username }) > 0)
            {
                continue;
            }
            var wholeTree = role is Role.SystemAdmin or Role.Auditor;
            if (!wholeTree && region is null)
            {
                // Without a demo region a scoped user would see everything: leave them out.
                continue;
            }
            await connection.ExecuteAsync(
                Users.InsertSql,
                new
                {
                    id = Guid.CreateVersion7(),
                    username,
                    displayName = name,
                    passwordHash = Passwords.Hash(DemoPassword),
                    roles = Roles.Store([role]),
                    scopeOrgId = wholeTree ? null : region?.Id,
                    enabled = true,
                    securityStamp = Users.NewSecurityStamp(),
                    now = clock.GetUtcNow(),
                }
            );
        }
    }

    private static string Kebab(string name) =>
        string.Concat(
            name.Select(
                (c, i) =>
                    i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()
            )
        );
}
