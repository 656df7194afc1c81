using Jiceng.Infrastructure.Http;
using Jiceng.Modules.Dividends.Domain;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Dividends;

/// <summary>
/// Collective-economy dividends (DOMAIN.md §4): collective economic organizations and branch-led cooperatives, their
/// members by household and their shares, yearly income and what may be distributed, distribution plans with their
/// approvals and public notice, and payouts with confirmation.
/// </summary>
public static class DividendsModule
{
    /// <summary>
    /// The tables this module owns (each table has one owner): only its own SQL names them, and another module
    /// reads them through its Contracts. The register's tables come first; the plans' tables follow.
    /// </summary>
    internal static readonly IReadOnlyList<string> Tables =
    [
        "collectives",
        "collective_households",
        "collective_members",
        "collective_membership_confirmations",
        "collective_share_types",
        "collective_share_holdings",
        "collective_share_changes",
        "collective_share_change_lines",
        "collective_incomes",
    ];

    public static IServiceCollection AddDividendsModule(this IServiceCollection services)
    {
        services.AddSingleton<IRuleSetSection>(DividendRuleSection.Instance);
        services.AddScoped<DividendRuleSets>();
        return services;
    }

    public static IEndpointRouteBuilder MapDividendsModule(this IEndpointRouteBuilder app)
    {
        var dividends = app.MapGroup("/api/v1/dividends")
            .WithTags("Collective-economy dividends")
            .WithStandardProblemsForSecurity();
        _ = dividends;
        return app;
    }
}
