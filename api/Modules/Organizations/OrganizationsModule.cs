using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.OpenApi;
using Jiceng.Modules.Organizations.AddRectificationNote;
using Jiceng.Modules.Organizations.CloseRectification;
using Jiceng.Modules.Organizations.CreateCoalition;
using Jiceng.Modules.Organizations.CreateOrganization;
using Jiceng.Modules.Organizations.CreatePairing;
using Jiceng.Modules.Organizations.CreateRuleSet;
using Jiceng.Modules.Organizations.DissolveOrganization;
using Jiceng.Modules.Organizations.Domain;
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
    /// <summary>
    /// The tables this module owns (each table has one owner): only its own SQL names them, and another module
    /// reads them through its Contracts. An architecture test checks every constant statement against this list.
    /// </summary>
    internal static readonly IReadOnlyList<string> Tables =
    [
        "organizations",
        "org_tree_state",
        "rule_sets",
        "gradings",
        "pairings",
        "coalitions",
        "coalition_members",
        "rectifications",
        "rectification_notes",
    ];

    public static IServiceCollection AddOrganizationsModule(this IServiceCollection services)
    {
        services.AddSingleton<IModuleInitializer, OrganizationsInitializer>();
        services.AddSingleton<IDemoSeeder, OrganizationsDemoSeeder>();
        services.AddSingleton<OrganizationDirectory>();
        services.AddScoped<Contracts.IRegionRuleSets, RegionRuleSets>();
        services.AddSingleton<Contracts.IRuleSetSection>(OrganizationRuleSection.Instance);
        services.AddSingleton<RuleSetComposition>();
        services.ConfigureSwaggerGen(options =>
        {
            // An object, not a dictionary of JSON nodes: the filter lists each registered section as a property.
            options.MapType<RuleSetDocument>(() => new Microsoft.OpenApi.OpenApiSchema());
            options.SchemaFilter<RuleSetDocumentSchemaFilter>();
        });
        services.AddSingleton<Contracts.IOrganizationDirectory>(sp => sp.GetRequiredService<OrganizationDirectory>());
        services.AddSingleton<Infrastructure.Security.IDataScopeResolver>(sp =>
            sp.GetRequiredService<OrganizationDirectory>()
        );
        services.Configure<SwaggerExamples>(AddExamples);
        return services;
    }

    private static void AddExamples(SwaggerExamples examples)
    {
        var jixi = Guid.Parse("0195a8e4-1c2d-7a3b-8c4d-5e6f70819201");
        var village = Guid.Parse("0195a8e4-1c2d-7a3b-8c4d-5e6f70819202");
        examples
            .Add(
                new CreateOrganizationCommand(
                    jixi,
                    "虎林市委",
                    "虎林",
                    Domain.OrganizationKind.Committee,
                    Domain.OrganizationField.Government,
                    "李明",
                    new DateOnly(1956, 3, 1),
                    new DateOnly(2024, 3, 1),
                    "鸡西市下辖县级市党委"
                )
            )
            .Add(
                new UpdateOrganizationRequest(
                    "虎林市委",
                    "虎林",
                    Domain.OrganizationKind.Committee,
                    Domain.OrganizationField.Government,
                    "李明",
                    new DateOnly(1956, 3, 1),
                    new DateOnly(2024, 3, 1),
                    null
                )
            )
            .Add(new MoveOrganizationRequest(jixi))
            .Add(new RecordGradingRequest(2025, "good", 95, "年度考核“五星”", new DateOnly(2026, 1, 20)))
            .Add(new ReviseGradingRequest("fairly-good", 86, "复核后调整", new DateOnly(2026, 2, 1)))
            .Add(
                new Domain.RectificationFields(
                    ["书记长期缺职（超过 3 个月）", "组织生活不正常"],
                    "选派第一书记，三个月内配齐班子，恢复“三会一课”。",
                    "王建国",
                    new DateOnly(2026, 3, 1),
                    new DateOnly(2026, 9, 30)
                )
            )
            .Add(new AddRectificationNoteRequest(new DateOnly(2026, 4, 1), "第一书记已到岗，召开支部党员大会。"))
            .Add(new CloseRectificationRequest(new DateOnly(2026, 9, 20), "班子配齐，组织生活恢复正常，经验收销号。"))
            .Add(
                new CreatePairingRequest(
                    village,
                    Domain.PairingKind.Contracting,
                    new DateOnly(2026, 1, 1),
                    null,
                    "市直机关包联行政村"
                )
            )
            .Add(new Domain.PairingTerms(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "帮扶期满"))
            .Add(
                new Domain.CoalitionFields(
                    "大连湾党建联合体",
                    "6 家驻军驻警单位 + 5 家国企，400 余个党支部",
                    [jixi, village]
                )
            )
            .Add(new CreateRuleSetRequest(jixi, "鸡西市规则集", null));
    }

    public static IEndpointRouteBuilder MapOrganizationsModule(
        this IEndpointRouteBuilder app,
        IConfiguration configuration
    )
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
        SearchOrganizationDirectory.SearchOrganizationDirectoryEndpoint.Map(organizations);
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
