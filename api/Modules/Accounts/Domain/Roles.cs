using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Accounts.Domain;

/// <summary>The roles of the people who use Jiceng, each a named set of permissions.</summary>
internal enum Role
{
    [Label("系统管理员", "System administrator")]
    SystemAdmin,

    [Label("组织管理员", "Organization administrator")]
    OrganizationAdmin,

    [Label("党员管理员", "Member manager")]
    MemberManager,

    [Label("志愿服务管理员", "Volunteer coordinator")]
    VolunteerCoordinator,

    [Label("集体经济会计", "Collective accountant")]
    CollectiveAccountant,

    // The township's 农村经济经营管理站 reviews village distribution plans (the step after the assembly's decision);
    // no existing role is that office, and the accountant who prepares a plan must not approve it.
    [Label("农经站审核员", "Rural-economy station reviewer")]
    RuralEconomyReviewer,

    [Label("帮扶资金管理员", "Care fund manager")]
    FundManager,

    [Label("帮扶资金审批人", "Care fund approver")]
    FundApprover,

    [Label("审计人员", "Auditor")]
    Auditor,

    [Label("查阅人员", "Viewer")]
    Viewer,
}

internal static class Roles
{
    private static readonly string[] Reads =
    [
        Permissions.OrganizationsRead,
        Permissions.MembersRead,
        Permissions.VolunteeringRead,
        Permissions.DividendsRead,
        Permissions.FundsRead,
    ];

    public static IReadOnlySet<string> PermissionsOf(Role role) =>
        role switch
        {
            Role.SystemAdmin => Permissions.All.ToHashSet(),
            Role.OrganizationAdmin => new HashSet<string>(Reads)
            {
                Permissions.OrganizationsWrite,
                Permissions.RuleSetsWrite,
                Permissions.UsersManage,
                Permissions.ApiClientsManage,
            },
            // The register's keepers see ID numbers when a transfer letter or
            // a look-up needs them: each reveal has a reason and is audited.
            Role.MemberManager => new HashSet<string>
            {
                Permissions.OrganizationsRead,
                Permissions.MembersRead,
                Permissions.MembersWrite,
                Permissions.MembersRevealPii,
            },
            // Coordinators call residents back about their demands and wishes: each reveal has a reason. They read
            // the (masked) register to find the party members they enrol in teams and dispatch demands to.
            Role.VolunteerCoordinator => new HashSet<string>
            {
                Permissions.OrganizationsRead,
                Permissions.MembersRead,
                Permissions.VolunteeringRead,
                Permissions.VolunteeringWrite,
                Permissions.VolunteeringRevealPii,
            },
            // Payouts need bank accounts and ID numbers for the bank's batch file: each reveal has a reason.
            Role.CollectiveAccountant => new HashSet<string>
            {
                Permissions.OrganizationsRead,
                Permissions.DividendsRead,
                Permissions.DividendsWrite,
                Permissions.DividendsRevealPii,
            },
            Role.RuralEconomyReviewer => new HashSet<string>
            {
                Permissions.OrganizationsRead,
                Permissions.DividendsRead,
                Permissions.DividendsApprove,
            },
            Role.FundManager => new HashSet<string>
            {
                Permissions.OrganizationsRead,
                Permissions.MembersRead,
                Permissions.FundsRead,
                Permissions.FundsWrite,
            },
            Role.FundApprover => new HashSet<string>
            {
                Permissions.OrganizationsRead,
                Permissions.FundsRead,
                Permissions.FundsApprove,
            },
            Role.Auditor => new HashSet<string>(Reads) { Permissions.AuditRead },
            Role.Viewer => new HashSet<string>(Reads),
            _ => new HashSet<string>(),
        };

    public static IReadOnlySet<string> PermissionsOf(IEnumerable<Role> roles) =>
        roles.SelectMany(PermissionsOf).ToHashSet();

    public static string Store(IEnumerable<Role> roles) => string.Join(',', roles.Distinct().Order());

    public static IReadOnlyList<Role> Parse(string stored) =>
        stored
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(r => Enum.TryParse<Role>(r, out var role) ? role : (Role?)null)
            .OfType<Role>()
            .ToList();
}
