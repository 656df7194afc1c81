using Jiceng.Infrastructure.Http;
using Jiceng.Modules.Assistance.Domain;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Assistance;

/// <summary>
/// 党内关怀帮扶: the care fund with its append-only ledger, applications with tiered approvals, holiday visits,
/// 1+N helper pairings and the hardship ledger (DOMAIN.md §5).
/// </summary>
public static class AssistanceModule
{
    /// <summary>The tables this module owns (each table has one owner); others ask through its Contracts.</summary>
    internal static readonly IReadOnlyList<string> Tables =
    [
        "assistance_funds",
        "assistance_ledger_entries",
        "assistance_fund_holds",
        "assistance_applications",
        "assistance_application_steps",
        "assistance_application_documents",
        "assistance_member_caps",
        .. AssistanceCare.Tables,
    ];

    public static IServiceCollection AddAssistanceModule(this IServiceCollection services)
    {
        services.AddSingleton<IRuleSetSection>(AssistanceRuleSection.Instance);
        services.AddScoped<AssistanceRuleSets>();
        services.AddScoped<ApplicationSteps>();
        services.AddAssistanceCare();
        services.AddScoped<AssistanceOrganizationHooks>();
        services.AddScoped<IOrganizationStatisticsContributor>(sp =>
            sp.GetRequiredService<AssistanceOrganizationHooks>()
        );
        services.AddScoped<IWorkQueueContributor>(sp => sp.GetRequiredService<AssistanceOrganizationHooks>());
        services.AddScoped<IOrganizationSubtreeMoveListener>(sp =>
            sp.GetRequiredService<AssistanceOrganizationHooks>()
        );
        services.AddSingleton<Infrastructure.IDemoSeeder, AssistanceDemoSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapAssistanceModule(this IEndpointRouteBuilder app)
    {
        var assistance = app.MapGroup("/api/v1/assistance").WithTags("Assistance").WithStandardProblems();
        CreateFund.CreateFundEndpoint.Map(assistance);
        ListFunds.ListFundsEndpoint.Map(assistance);
        GetFund.GetFundEndpoint.Map(assistance);
        RecordFundIncome.RecordFundIncomeEndpoint.Map(assistance);
        AllocateFunds.AllocateFundsEndpoint.Map(assistance);
        ReverseLedgerEntry.ReverseLedgerEntryEndpoint.Map(assistance);
        ListLedgerEntries.ListLedgerEntriesEndpoint.Map(assistance);
        SubmitApplication.SubmitApplicationEndpoint.Map(assistance);
        ListApplications.ListApplicationsEndpoint.Map(assistance);
        GetApplication.GetApplicationEndpoint.Map(assistance);
        ReviewApplication.ReviewApplicationEndpoint.Map(assistance);
        ApproveApplication.ApproveApplicationEndpoint.Map(assistance);
        RejectApplication.RejectApplicationEndpoint.Map(assistance);
        CancelApplication.CancelApplicationEndpoint.Map(assistance);
        DisburseApplication.DisburseApplicationEndpoint.Map(assistance);
        ConfirmReceipt.ConfirmReceiptEndpoint.Map(assistance);
        UploadApplicationDocument.UploadApplicationDocumentEndpoint.Map(assistance);
        ListApplicationDocuments.ListApplicationDocumentsEndpoint.Map(assistance);
        DownloadApplicationDocument.DownloadApplicationDocumentEndpoint.Map(assistance);
        DrawReceiptSample.DrawReceiptSampleEndpoint.Map(assistance);
        RecordFollowUp.RecordFollowUpEndpoint.Map(assistance);
        ListNotices.ListNoticesEndpoint.Map(assistance);
        GetAssistanceStatistics.GetAssistanceStatisticsEndpoint.Map(assistance);
        GetFundStatement.GetFundStatementEndpoint.Map(assistance);
        ListLedgerEntries.ExportLedgerEntriesEndpoint.Map(assistance);
        ListApplications.ExportApplicationsEndpoint.Map(assistance);

        AssistanceCare.MapAssistanceCare(assistance);
        return app;
    }
}
