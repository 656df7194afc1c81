using Jiceng.Modules.Assistance.AddVisitee;
using Jiceng.Modules.Assistance.BuildVisitList;
using Jiceng.Modules.Assistance.DeclineCondolence;
using Jiceng.Modules.Assistance.Domain;
using Jiceng.Modules.Assistance.EndHelperPair;
using Jiceng.Modules.Assistance.GetMemberLedger;
using Jiceng.Modules.Assistance.ListCondolences;
using Jiceng.Modules.Assistance.ListHardshipLedger;
using Jiceng.Modules.Assistance.ListHelperPairs;
using Jiceng.Modules.Assistance.ListHelpLogs;
using Jiceng.Modules.Assistance.ListVisitLists;
using Jiceng.Modules.Assistance.ListVisits;
using Jiceng.Modules.Assistance.LogHelp;
using Jiceng.Modules.Assistance.PairHelper;
using Jiceng.Modules.Assistance.PayCondolence;
using Jiceng.Modules.Assistance.RecheckHardship;
using Jiceng.Modules.Assistance.RecordVisit;
using Jiceng.Modules.Members.Contracts;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Assistance;

/// <summary>
/// Visits, condolences, 1+N pairings and the hardship ledger: their services and routes, called from
/// <see cref="AssistanceModule"/> (one line each), so the area's registrations live beside its slices.
/// </summary>
internal static class AssistanceCare
{
    public static readonly IReadOnlyList<string> Tables =
    [
        "assistance_visit_lists",
        "assistance_visits",
        "assistance_condolences",
        "assistance_pairings",
        "assistance_help_logs",
        "assistance_rechecks",
    ];

    public static IServiceCollection AddAssistanceCare(this IServiceCollection services)
    {
        services.AddScoped<CareListRules>();
        services.AddScoped<IMemberDeathListener, CondolenceProposer>();
        services.AddScoped<IWorkQueueContributor, AssistanceCareWork>();
        return services;
    }

    public static void MapAssistanceCare(RouteGroupBuilder group)
    {
        BuildVisitListEndpoint.Map(group);
        ListVisitListsEndpoint.Map(group);
        ListVisitsEndpoint.Map(group);
        AddVisiteeEndpoint.Map(group);
        RecordVisitEndpoint.Map(group);
        ListCondolencesEndpoint.Map(group);
        PayCondolenceEndpoint.Map(group);
        DeclineCondolenceEndpoint.Map(group);
        PairHelperEndpoint.Map(group);
        ListHelperPairsEndpoint.Map(group);
        LogHelpEndpoint.Map(group);
        ListHelpLogsEndpoint.Map(group);
        EndHelperPairEndpoint.Map(group);
        ListHardshipLedgerEndpoint.Map(group);
        GetMemberLedgerEndpoint.Map(group);
        RecheckHardshipEndpoint.Map(group);
    }
}
