using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Http;
using Jiceng.Modules.Organizations.CreateOrganization;
using Jiceng.Modules.Organizations.DissolveOrganization;
using Jiceng.Modules.Organizations.GetOrganization;
using Jiceng.Modules.Organizations.GetSubtreeStatistics;
using Jiceng.Modules.Organizations.ListChildOrganizations;
using Jiceng.Modules.Organizations.ListOrganizations;
using Jiceng.Modules.Organizations.MoveOrganization;
using Jiceng.Modules.Organizations.UpdateOrganization;

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

        if (configuration.GetValue<bool>("Benchmark:BareTwins"))
        {
            ListOrganizationsBareTwinEndpoint.Map(app);
        }
        return app;
    }
}
