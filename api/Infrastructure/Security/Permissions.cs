namespace Jiceng.Infrastructure.Security;

/// <summary>
/// Every fine-grained permission an endpoint can require. Roles (Accounts) are named sets of these;
/// API clients are given them directly. Later modules add theirs here.
/// </summary>
public static class Permissions
{
    public const string OrganizationsRead = "organizations.read";
    public const string OrganizationsWrite = "organizations.write";
    public const string RuleSetsWrite = "rule-sets.write";
    public const string UsersManage = "users.manage";
    public const string ApiClientsManage = "api-clients.manage";
    public const string AuditRead = "audit.read";
    public const string MembersRead = "members.read";
    public const string MembersWrite = "members.write";
    public const string MembersRevealPii = "members.reveal-pii";
    public const string MembersOverride = "members.override";
    public const string VolunteeringRead = "volunteering.read";
    public const string VolunteeringWrite = "volunteering.write";

    /// <summary>Revealing a resident's name or phone (a demand's requester, a wish's resident, a resident volunteer)
    /// with a reason that is audited: coordinators call residents back.</summary>
    public const string VolunteeringRevealPii = "volunteering.reveal-pii";
    public const string DividendsRead = "dividends.read";
    public const string DividendsWrite = "dividends.write";

    /// <summary>Approving a distribution plan (the township rural-economy station's review and the approval step):
    /// never held with the preparer's permission in one demo role, and refused for the plan's own preparer.</summary>
    public const string DividendsApprove = "dividends.approve";

    /// <summary>Revealing a collective member's ID number or bank account, with a reason that is audited.</summary>
    public const string DividendsRevealPii = "dividends.reveal-pii";
    public const string FundsRead = "funds.read";
    public const string FundsWrite = "funds.write";
    public const string FundsApprove = "funds.approve";

    /// <summary>Entering the official holiday calendar: the system administrator's alone (no other role has it).
    /// </summary>
    public const string CalendarWrite = "calendar.write";

    public static readonly IReadOnlyList<string> All =
    [
        OrganizationsRead,
        OrganizationsWrite,
        RuleSetsWrite,
        UsersManage,
        ApiClientsManage,
        AuditRead,
        MembersRead,
        MembersWrite,
        MembersRevealPii,
        MembersOverride,
        VolunteeringRead,
        VolunteeringWrite,
        VolunteeringRevealPii,
        DividendsRead,
        DividendsWrite,
        DividendsApprove,
        DividendsRevealPii,
        FundsRead,
        FundsWrite,
        FundsApprove,
        CalendarWrite,
    ];
}

/// <summary>Endpoint metadata: the permission a route requires
/// (deny by default; a route without one fails a test).</summary>
public sealed record RequiredPermission(string Permission);

/// <summary>Endpoint metadata: any signed-in caller may use the route (their own session and password).</summary>
public sealed record SignedInEndpoint;

/// <summary>Endpoint metadata: the route is open to anonymous callers (sign-in, health, Swagger).</summary>
public sealed record PublicEndpoint;

public static class PermissionEndpointExtensions
{
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(permission).WithMetadata(new RequiredPermission(permission));

    public static TBuilder RequireSignedIn<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization().WithMetadata(new SignedInEndpoint());

    public static TBuilder AllowPublic<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.AllowAnonymous().WithMetadata(new PublicEndpoint());
}
