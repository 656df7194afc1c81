using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.OpenApi;
using Jiceng.Modules.Members.CreateMember;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Members.GetMember;
using Jiceng.Modules.Members.ListMembers;
using Jiceng.Modules.Members.LookupMember;
using Jiceng.Modules.Members.RevealMemberData;
using Jiceng.Modules.Members.UpdateMember;
using Jiceng.Modules.Organizations.Contracts;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jiceng.Modules.Members;

/// <summary>The member register: records with protected personal
/// data (the pipeline, transfers and lists build on it).</summary>
public static class MembersModule
{
    /// <summary>
    /// The tables this module owns (each table has one owner): only its own SQL names them, and another module
    /// reads them through its Contracts. An architecture test checks every constant statement against this list.
    /// </summary>
    internal static readonly IReadOnlyList<string> Tables =
    [
        "members",
        "member_steps",
        "member_transfers",
        "member_hardships",
        "member_community_reports",
        "org_meetings",
        "org_meeting_attendees",
    ];

    public static IServiceCollection AddMembersModule(this IServiceCollection services)
    {
        services.AddSingleton<IDemoSeeder, MembersDemoSeeder>();
        services.AddScoped<MemberOrganizationHooks>();
        services.AddScoped<MemberSteps>();
        services.AddScoped<MemberRuleSets>();
        services.AddSingleton<IRuleSetSection>(MemberPipelineRuleSection.Instance);
        services.AddScoped<MemberImportReader>();
        services.AddScoped<RegisteredElsewhereAnswers>();
        services.AddOptions<RegisteredElsewhereOptions>().BindConfiguration("Security");
        services.TryAddSingleton<ExportGate>();
        services.AddOptions<ExportOptions>().BindConfiguration("Security");
        services.AddScoped<Contracts.IMemberHardships, MemberHardshipsDirectory>();
        services.AddScoped<Contracts.IMemberVolunteers, MemberVolunteersDirectory>();
        services.AddScoped<Contracts.IMemberCareProfiles, MemberCareProfilesDirectory>();
        services.AddScoped<MemberCareDirectory>();
        services.AddScoped<Contracts.IMemberCareRegister>(sp => sp.GetRequiredService<MemberCareDirectory>());
        services.AddScoped<Contracts.IMemberHardshipHistory>(sp => sp.GetRequiredService<MemberCareDirectory>());
        services.AddScoped<Contracts.IMemberCareProfiles, MemberCareProfilesDirectory>();
        services.AddScoped<Contracts.IMemberDirectory, MemberDirectory>();
        services.AddScoped<IOrganizationMemberCounts>(sp => sp.GetRequiredService<MemberOrganizationHooks>());
        services.AddScoped<IOrganizationStatisticsContributor>(sp => sp.GetRequiredService<MemberOrganizationHooks>());
        services.AddScoped<IOrganizationDissolutionGuard>(sp => sp.GetRequiredService<MemberOrganizationHooks>());
        services.AddScoped<IOrganizationSubtreeMoveListener>(sp => sp.GetRequiredService<MemberOrganizationHooks>());
        services.Configure<SwaggerExamples>(examples =>
            examples
                .Add(
                    new CreateMemberRequest(
                        Guid.Parse("0195a8e4-1c2d-7a3b-8c4d-5e6f70819202"),
                        "王秀兰",
                        null,
                        "汉族",
                        null,
                        "11010519491231002X",
                        "13812345678",
                        Education.SeniorHigh,
                        "村民",
                        MemberCategory.Farmer,
                        MemberStage.Full,
                        null,
                        null,
                        null,
                        null,
                        new DateOnly(1975, 7, 1),
                        new DateOnly(1976, 7, 1)
                    )
                )
                .Add(new LookupMemberRequest("11010519491231002X"))
                .Add(new RevealMemberDataRequest(RevealableMemberField.Phone, "核实困难党员帮扶联系方式"))
        );
        return services;
    }

    public static void MapMembersModule(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        var members = app.MapGroup("/api/v1/members").WithTags("Members").WithStandardProblems();
        CreateMemberEndpoint.Map(members);
        GetMemberEndpoint.Map(members);
        UpdateMemberEndpoint.Map(members);
        RecordDeath.RecordDeathEndpoint.Map(members);
        RecordMedal.RecordMedalEndpoint.Map(members);
        ListMembersEndpoint.Map(members);
        LookupMemberEndpoint.Map(members);
        RevealMemberDataEndpoint.Map(members);
        GetPipeline.GetPipelineEndpoint.Map(members);
        RecordMeeting.RecordMeetingEndpoint.Map(members);
        ListMeetings.ListMeetingsEndpoint.Map(members);
        ListMemberLists.ListMemberListsEndpoint.Map(members);
        GetMemberStatistics.GetMemberStatisticsEndpoint.Map(members);
        TransferMember.TransferMemberEndpoint.Map(members);
        ReceiveTransfer.ReceiveTransferEndpoint.Map(members);
        WithdrawTransfer.WithdrawTransferEndpoint.Map(members);
        ListTransfers.ListTransfersEndpoint.Map(members);
        RecordHardship.RecordHardshipEndpoint.Map(members);
        EndHardship.EndHardshipEndpoint.Map(members);
        ListHardships.ListHardshipsEndpoint.Map(members);
        ReportToCommunity.ReportToCommunityEndpoint.Map(members);
        ListCommunityReports.ListCommunityReportsEndpoint.Map(members);
        RecordTalk.RecordTalkEndpoint.Map(members);
        AppointActivist.AppointActivistEndpoint.Map(members);
        NominateCandidate.NominateCandidateEndpoint.Map(members);
        AdmitProbationary.AdmitProbationaryEndpoint.Map(members);
        ConvertToFullMember.ConvertToFullMemberEndpoint.Map(members);
        ExtendProbation.ExtendProbationEndpoint.Map(members);
        CancelProbation.CancelProbationEndpoint.Map(members);
        DownloadImportTemplate.DownloadImportTemplateEndpoint.Map(members);
        ValidateMemberImport.ValidateMemberImportEndpoint.Map(members);
        ImportMembers.ImportMembersEndpoint.Map(members);
        ExportMembers.ExportMembersEndpoint.Map(members);
        if (configuration.GetValue<bool>("Benchmark:BareTwins"))
        {
            ListMembersBareTwinEndpoint.Map(app);
        }
    }
}
