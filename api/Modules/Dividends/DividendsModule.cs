using Jiceng.Infrastructure.Http;
using Jiceng.Modules.Dividends.AnswerObjection;
using Jiceng.Modules.Dividends.ApprovePlan;
using Jiceng.Modules.Dividends.CheckPlanNotice;
using Jiceng.Modules.Dividends.CloseObjection;
using Jiceng.Modules.Dividends.ConfirmPayout;
using Jiceng.Modules.Dividends.CreatePayouts;
using Jiceng.Modules.Dividends.CreatePlan;
using Jiceng.Modules.Dividends.Domain;
using Jiceng.Modules.Dividends.GetPlan;
using Jiceng.Modules.Dividends.ListObjections;
using Jiceng.Modules.Dividends.ListPayouts;
using Jiceng.Modules.Dividends.PreviewPlan;
using Jiceng.Modules.Dividends.RecordObjection;
using Jiceng.Modules.Dividends.RecordPlanStep;
using Jiceng.Modules.Dividends.ReviewPlan;
using Jiceng.Modules.Dividends.StartPlanNotice;
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
        "dividend_plans",
        "dividend_plan_parts",
        "dividend_plan_lines",
        "dividend_plan_steps",
        "dividend_plan_objections",
        "dividend_payouts",
    ];

    public static IServiceCollection AddDividendsModule(this IServiceCollection services)
    {
        services.AddSingleton<IRuleSetSection>(DividendRuleSection.Instance);
        services.AddScoped<DividendRuleSets>();
        services.AddScoped<PlanSteps>();
        services.AddScoped<DividendsOrganizationHooks>();
        services.AddScoped<IOrganizationStatisticsContributor>(sp =>
            sp.GetRequiredService<DividendsOrganizationHooks>()
        );
        services.AddScoped<IOrganizationSubtreeMoveListener>(sp => sp.GetRequiredService<DividendsOrganizationHooks>());
        services.AddScoped<IWorkQueueContributor, DividendsWorkQueue>();
        services.AddSingleton<Jiceng.Infrastructure.IDemoSeeder, DividendsDemoSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapDividendsModule(this IEndpointRouteBuilder app)
    {
        var dividends = app.MapGroup("/api/v1/dividends")
            .WithTags("Collective-economy dividends")
            .WithStandardProblems();
        PreviewPlanEndpoint.Map(dividends);
        CreatePlanEndpoint.Map(dividends);
        GetPlanEndpoint.Map(dividends);
        RecordPlanStepEndpoint.Map(dividends);
        ReviewPlanEndpoint.Map(dividends);
        StartPlanNoticeEndpoint.Map(dividends);
        ApprovePlanEndpoint.Map(dividends);
        RecordObjectionEndpoint.Map(dividends);
        ListObjectionsEndpoint.Map(dividends);
        AnswerObjectionEndpoint.Map(dividends);
        CloseObjectionEndpoint.Map(dividends);
        CreatePayoutsEndpoint.Map(dividends);
        ListPayoutsEndpoint.Map(dividends);
        ConfirmPayoutEndpoint.Map(dividends);
        CheckPlanNoticeEndpoint.Map(
            app.MapGroup("/api/v1/public/dividends").WithTags("Collective-economy dividends").WithStandardProblems()
        );
        CreateCollective.CreateCollectiveEndpoint.Map(dividends);
        ListCollectives.ListCollectivesEndpoint.Map(dividends);
        GetCollective.GetCollectiveEndpoint.Map(dividends);
        CreateShareType.CreateShareTypeEndpoint.Map(dividends);
        ConfirmMembership.ConfirmMembershipEndpoint.Map(dividends);
        RegisterHousehold.RegisterHouseholdEndpoint.Map(dividends);
        RecordShareChange.RecordShareChangeEndpoint.Map(dividends);
        ListShareChanges.ListShareChangesEndpoint.Map(dividends);
        GetShareRegister.GetShareRegisterEndpoint.Map(dividends);
        RevealCollectiveMemberData.RevealCollectiveMemberDataEndpoint.Map(dividends);
        RecordIncomeStatement.RecordIncomeStatementEndpoint.Map(dividends);
        ListIncomeStatements.ListIncomeStatementsEndpoint.Map(dividends);
        GetIncomeStatement.GetIncomeStatementEndpoint.Map(dividends);
        CheckIncomeStatement.CheckIncomeStatementEndpoint.Map(dividends);
        ListPlans.ListPlansEndpoint.Map(dividends);
        RevisePlan.RevisePlanEndpoint.Map(dividends);
        ListPlanVersions.ListPlanVersionsEndpoint.Map(dividends);
        ListPlanLines.ListPlanLinesEndpoint.Map(dividends);
        MarkPayoutFailed.MarkPayoutFailedEndpoint.Map(dividends);
        ReissuePayout.ReissuePayoutEndpoint.Map(dividends);
        ReversePayout.ReversePayoutEndpoint.Map(dividends);
        ExportBankBatch.ExportBankBatchEndpoint.Map(dividends);
        ImportBankResult.ImportBankResultEndpoint.Map(dividends);
        GetHouseholdStatement.GetHouseholdStatementEndpoint.Map(dividends);
        GetShareCertificate.GetShareCertificateEndpoint.Map(dividends);
        GetNoticeSheet.GetNoticeSheetEndpoint.Map(dividends);
        GetSignSheet.GetSignSheetEndpoint.Map(dividends);
        GetDividendStatistics.GetDividendStatisticsEndpoint.Map(dividends);
        return app;
    }
}
