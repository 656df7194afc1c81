using System.Threading.RateLimiting;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.CheckCertificate;
using Jiceng.Modules.Volunteering.Domain;
using Microsoft.AspNetCore.RateLimiting;

namespace Jiceng.Modules.Volunteering;

/// <summary>Settings of the public certificate check (section <c>Volunteering</c>).</summary>
internal sealed class CertificateCheckOptions
{
    /// <summary>Checks a minute from one client address (anonymous, so no one can guess codes fast).</summary>
    public int CertificateChecksPerMinute { get; set; } = 20;
}

/// <summary>
/// The teams, volunteers, activities and hours area of the module: its services, its routes and its tables,
/// registered from <see cref="VolunteeringModule"/> with one line each.
/// </summary>
internal static class VolunteeringTeamsArea
{
    public static readonly IReadOnlyList<string> Tables =
    [
        "volunteers",
        "volunteer_teams",
        "volunteer_team_members",
        "volunteer_activities",
        "volunteer_sessions",
        "volunteer_certificates",
    ];

    public static IServiceCollection AddVolunteeringTeams(this IServiceCollection services)
    {
        services.AddScoped<IVolunteerTeams, VolunteerTeamsDirectory>();
        services.AddScoped<IWorkQueueContributor, LateEntriesWorkQueue>();
        services.AddScoped<IOrganizationSubtreeMoveListener, VolunteerPathsOnMove>();
        services.AddOptions<CertificateCheckOptions>().BindConfiguration("Volunteering");
        services
            .AddOptions<RateLimiterOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<CertificateCheckOptions>>(
                (limiter, options) =>
                    limiter.AddPolicy(
                        CheckCertificateEndpoint.RateLimitPolicy,
                        context =>
                            RateLimitPartition.GetFixedWindowLimiter(
                                "certificate-check:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                                _ => new FixedWindowRateLimiterOptions
                                {
                                    PermitLimit = options.Value.CertificateChecksPerMinute,
                                    Window = TimeSpan.FromMinutes(1),
                                    QueueLimit = 0,
                                }
                            )
                    )
            );
        return services;
    }

    public static void MapVolunteeringTeams(RouteGroupBuilder group)
    {
        RegisterVolunteer.RegisterVolunteerEndpoint.Map(group);
        ListVolunteers.ListVolunteersEndpoint.Map(group);
        GetVolunteer.GetVolunteerEndpoint.Map(group);
        RevealVolunteerPhone.RevealVolunteerPhoneEndpoint.Map(group);
        CreateTeam.CreateTeamEndpoint.Map(group);
        ListTeams.ListTeamsEndpoint.Map(group);
        GetTeam.GetTeamEndpoint.Map(group);
        AddTeamMember.AddTeamMemberEndpoint.Map(group);
        SetTeamLeader.SetTeamLeaderEndpoint.Map(group);
        CreateActivity.CreateActivityEndpoint.Map(group);
        ListActivities.ListActivitiesEndpoint.Map(group);
        GetActivity.GetActivityEndpoint.Map(group);
        ShowSiteCode.ShowSiteCodeEndpoint.Map(group);
        SignUpForActivity.SignUpForActivityEndpoint.Map(group);
        CheckIn.CheckInEndpoint.Map(group);
        CheckOut.CheckOutEndpoint.Map(group);
        RecordNoShow.RecordNoShowEndpoint.Map(group);
        RecordLateEntry.RecordLateEntryEndpoint.Map(group);
        ApproveLateEntry.ApproveLateEntryEndpoint.Map(group);
        RejectLateEntry.RejectLateEntryEndpoint.Map(group);
        ListLateEntries.ListLateEntriesEndpoint.Map(group);
        IssueCertificate.IssueCertificateEndpoint.Map(group);
        GetCertificate.GetCertificateEndpoint.Map(group);
        CheckCertificateEndpoint.Map(group);
        ListCommunityHours.ListCommunityHoursEndpoint.Map(group);
    }
}

/// <summary>The teams a demand may be dispatched to or claimed by, for the demands area.</summary>
internal sealed class VolunteerTeamsDirectory(DbSession db) : IVolunteerTeams
{
    private const string FindSql = """
        SELECT id AS team_id, name, org_id AS organization_id FROM volunteer_teams
        WHERE id = @teamId AND org_path >= @from AND org_path < @to
        """;

    public async Task<TeamReference?> FindWithinAsync(
        Guid teamId,
        DataScope scope,
        CancellationToken cancellationToken
    ) =>
        await db.QuerySingleOrDefaultAsync<Row>(
            FindSql,
            new
            {
                teamId,
                from = scope.From,
                to = scope.To,
            },
            cancellationToken
        )
            is { } row
            ? new TeamReference(row.TeamId, row.Name, row.OrganizationId)
            : null;

    private sealed record Row
    {
        public Guid TeamId { get; init; }
        public string Name { get; init; } = "";
        public Guid OrganizationId { get; init; }
    }
}

/// <summary>
/// Volunteers, teams, activities, sessions and certificates keep their organization's path (for the subtree scans)
/// and region (for its rules): both follow a moved subtree, in the moving transaction.
/// </summary>
internal sealed class VolunteerPathsOnMove(DbSession db) : IOrganizationSubtreeMoveListener
{
    public IReadOnlyList<CopiedPath> CopiedPaths { get; } =
    [
        new("volunteers", KeepsRegion: true),
        new("volunteer_teams", KeepsRegion: true),
        new("volunteer_activities", KeepsRegion: true),
        new("volunteer_sessions", KeepsRegion: true),
        new("volunteer_certificates", KeepsRegion: true),
    ];

    public Task OnSubtreeMovedAsync(SubtreeMove move, CancellationToken cancellationToken) =>
        move.RewriteAsync(db, CopiedPaths, cancellationToken);
}

/// <summary>Late entries (补录) awaiting a coordinator's approval, for the home page's to-do list.</summary>
internal sealed class LateEntriesWorkQueue(DbSession db, CallerAccessor callers) : IWorkQueueContributor
{
    private const string CountSql = """
        SELECT COUNT(*) FROM volunteer_sessions
        WHERE org_path >= @from AND org_path < @to AND state = 'PendingApproval'
        """;

    public string Key => "volunteering";

    public async Task<IReadOnlyList<WorkItemCount>> CountAsync(
        OrganizationSubtree subtree,
        CancellationToken cancellationToken
    )
    {
        if (!callers.Current.Has(Permissions.VolunteeringWrite))
        {
            return [];
        }
        var count = await db.ExecuteScalarAsync<long>(
            CountSql,
            new { from = subtree.PathFrom, to = subtree.PathTo },
            cancellationToken
        );
        return count == 0
            ? []
            :
            [
                new WorkItemCount(
                    "volunteering.lateEntries",
                    Jiceng.Infrastructure.Localized.Text("待审核的服务时长补录", "Late entries awaiting approval"),
                    count,
                    0,
                    "/volunteering/hours?tab=late-entries"
                ),
            ];
    }
}
