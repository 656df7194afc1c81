using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Http;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jiceng.Modules.Volunteering;

/// <summary>
/// 党群志愿服务: residents' demands from order to rating (群众点单), micro-wishes (微心愿), volunteer teams,
/// activities and service hours (DOMAIN.md §3).
/// </summary>
public static class VolunteeringModule
{
    /// <summary>
    /// The tables this module owns (each table has one owner): only its own SQL names them, and another module
    /// reads them through its Contracts. Each area appends its own.
    /// </summary>
    internal static readonly IReadOnlyList<string> Tables =
    [
        "volunteer_demands",
        "volunteer_demand_steps",
        "volunteer_demand_helpers",
        "micro_wishes",
        .. VolunteeringTeamsArea.Tables,
    ];

    public static IServiceCollection AddVolunteeringModule(this IServiceCollection services)
    {
        services.AddSingleton<IRuleSetSection>(VolunteeringRuleSection.Instance);
        services.AddScoped<VolunteeringRuleSets>();
        // The teams area replaces the stand-in with AddScoped<IVolunteerTeams, …>() (registered later, it wins).
        services.TryAddScoped<IVolunteerTeams, NoVolunteerTeams>();
        services.AddMicroWishes();
        services.AddScoped<DemandTransitions>();
        services.AddScoped<DemandClaimants>();
        services.AddScoped<DemandOrganizationHooks>();
        services.AddScoped<IOrganizationStatisticsContributor>(sp => sp.GetRequiredService<DemandOrganizationHooks>());
        services.AddScoped<IWorkQueueContributor>(sp => sp.GetRequiredService<DemandOrganizationHooks>());
        services.AddScoped<IOrganizationSubtreeMoveListener>(sp => sp.GetRequiredService<DemandOrganizationHooks>());
        services.AddVolunteeringTeams();
        services.AddScoped<IOrganizationStatisticsContributor, VolunteeringFigures>();
        services.AddSingleton<IDemoSeeder, VolunteeringDemoSeeder>();
        ReleaseStaleClaims.StaleClaimSweepSetup.AddStaleClaimSweep(services);
        return services;
    }

    public static IEndpointRouteBuilder MapVolunteeringModule(this IEndpointRouteBuilder app)
    {
        var volunteering = app.MapGroup("/api/v1/volunteering").WithTags("Volunteering").WithStandardProblems();
        MapDemands(volunteering);
        MicroWishesArea.MapMicroWishes(volunteering, app);
        VolunteeringTeamsArea.MapVolunteeringTeams(volunteering);
        if (app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>("Benchmark:BareTwins"))
        {
            ListDemands.ListDemandsBareTwinEndpoint.Map(app);
        }
        GetVolunteeringStatistics.GetVolunteeringStatisticsEndpoint.Map(volunteering);
        return app;
    }

    /// <summary>群众点单: residents' demands from order to rating.</summary>
    private static void MapDemands(RouteGroupBuilder group)
    {
        PlaceDemand.PlaceDemandEndpoint.Map(group);
        ListDemands.ListDemandsEndpoint.Map(group);
        GetDemandBoard.GetDemandBoardEndpoint.Map(group);
        ReleaseStaleClaims.ReleaseStaleClaimsEndpoint.Map(group);
        GetDemand.GetDemandEndpoint.Map(group);
        RevealDemandRequester.RevealDemandRequesterEndpoint.Map(group);
        AcceptDemand.AcceptDemandEndpoint.Map(group);
        RejectDemand.RejectDemandEndpoint.Map(group);
        DispatchDemand.DispatchDemandEndpoint.Map(group);
        OpenDemandForClaims.OpenDemandForClaimsEndpoint.Map(group);
        ClaimDemand.ClaimDemandEndpoint.Map(group);
        StartDemandService.StartDemandServiceEndpoint.Map(group);
        CompleteDemand.CompleteDemandEndpoint.Map(group);
        RateDemand.RateDemandEndpoint.Map(group);
        CloseDemand.CloseDemandEndpoint.Map(group);
        CancelDemand.CancelDemandEndpoint.Map(group);
        RedispatchDemand.RedispatchDemandEndpoint.Map(group);
        ReopenDemand.ReopenDemandEndpoint.Map(group);
        FollowUpDemand.FollowUpDemandEndpoint.Map(group);
    }
}
