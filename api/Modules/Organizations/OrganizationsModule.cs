using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Http;
using Jiceng.Modules.Organizations.AddRectificationNote;
using Jiceng.Modules.Organizations.CloseRectification;
using Jiceng.Modules.Organizations.CreateCoalition;
using Jiceng.Modules.Organizations.CreateOrganization;
using Jiceng.Modules.Organizations.CreatePairing;
using Jiceng.Modules.Organizations.CreateRuleSet;
using Jiceng.Modules.Organizations.DissolveOrganization;
using Jiceng.Modules.Organizations.GetCoalition;
using Jiceng.Modules.Organizations.GetOrganization;
using Jiceng.Modules.Organizations.GetRectification;
using Jiceng.Modules.Organizations.GetRuleSet;
using Jiceng.Modules.Organizations.GetSubtreeStatistics;
using Jiceng.Modules.Organizations.ListChildOrganizations;
using Jiceng.Modules.Organizations.ListCoalitions;
using Jiceng.Modules.Organizations.ListGradings;
using Jiceng.Modules.Organizations.ListLaggingOrganizations;
using Jiceng.Modules.Organizations.ListOrganizations;
using Jiceng.Modules.Organizations.ListPairings;
using Jiceng.Modules.Organizations.ListRectifications;
using Jiceng.Modules.Organizations.ListRuleSets;
using Jiceng.Modules.Organizations.ListRuleWarnings;
using Jiceng.Modules.Organizations.MoveOrganization;
using Jiceng.Modules.Organizations.OpenRectification;
using Jiceng.Modules.Organizations.RecordGrading;
using Jiceng.Modules.Organizations.ReviseGrading;
using Jiceng.Modules.Organizations.UpdateCoalition;
using Jiceng.Modules.Organizations.UpdateOrganization;
using Jiceng.Modules.Organizations.UpdatePairing;
using Jiceng.Modules.Organizations.UpdateRectification;
using Jiceng.Modules.Organizations.UpdateRuleSet;

namespace Jiceng.Modules.Organizations;

/// <summary>The party organization tree, grading, rectification, pairings, coalitions and region rule sets.</summary>
public static class OrganizationsModule
{
    public static IServiceCollection AddOrganizationsModule(this IServiceCollection services)
    {
        services.AddSingleton<IModuleInitializer, OrganizationsInitializer>();
        return services;
    }

    public static IEndpointRouteBuilder MapOrganizationsModule(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        var organizations = app.MapGroup("/api/v1/organizations").WithTags("Organizations").WithStandardProblems();
        ListOrganizationsEndpoint.Map(organizations);
        CreateOrganizationEndpoint.Map(organizations);
        GetOrganizationEndpoint.Map(organizations);
        UpdateOrganizationEndpoint.Map(organizations);
        DissolveOrganizationEndpoint.Map(organizations);
        ListChildOrganizationsEndpoint.Map(organizations);
        MoveOrganizationEndpoint.Map(organizations);
        GetSubtreeStatisticsEndpoint.Map(organizations);
        ListRuleWarningsEndpoint.Map(organizations);
        RecordGradingEndpoint.Map(organizations);
        ReviseGradingEndpoint.Map(organizations);
        ListGradingsEndpoint.Map(organizations);
        ListLaggingOrganizationsEndpoint.Map(organizations);
        OpenRectificationEndpoint.Map(organizations);
        GetRectificationEndpoint.Map(organizations);
        UpdateRectificationEndpoint.Map(organizations);
        AddRectificationNoteEndpoint.Map(organizations);
        CloseRectificationEndpoint.Map(organizations);
        ListRectificationsEndpoint.Map(organizations);
        CreatePairingEndpoint.Map(organizations);
        UpdatePairingEndpoint.Map(organizations);
        ListPairingsEndpoint.Map(organizations);

        var coalitions = app.MapGroup("/api/v1/coalitions").WithTags("Coalitions").WithStandardProblems();
        ListCoalitionsEndpoint.Map(coalitions);
        CreateCoalitionEndpoint.Map(coalitions);
        GetCoalitionEndpoint.Map(coalitions);
        UpdateCoalitionEndpoint.Map(coalitions);

        var ruleSets = app.MapGroup("/api/v1/rule-sets").WithTags("Rule sets").WithStandardProblems();
        ListRuleSetsEndpoint.Map(ruleSets);
        CreateRuleSetEndpoint.Map(ruleSets);
        GetRuleSetEndpoint.Map(ruleSets);
        UpdateRuleSetEndpoint.Map(ruleSets);

        if (configuration.GetValue<bool>("Benchmark:BareTwins"))
        {
            ListOrganizationsBareTwinEndpoint.Map(app);
        }
        return app;
    }
}
