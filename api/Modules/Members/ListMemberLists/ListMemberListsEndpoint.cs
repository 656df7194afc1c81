using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Members.ListMemberLists;

/// <summary>A yearly list's kind and filters, bound once for the list and its export.</summary>
internal sealed record MemberListFilter(
    [FromRoute(Name = "kind")] MemberListKind Kind,
    [FromQuery(Name = "organizationId")] Guid? OrganizationId,
    [FromQuery(Name = "month")] int? Month,
    [FromQuery(Name = "year")] int? Year,
    [FromQuery(Name = "withinDays")] int? WithinDays
)
{
    public ListMemberListsQuery ToQuery(PageRequest page) => new(Kind, OrganizationId, Month, Year, WithinDays, page);
}

internal static class ListMemberListsEndpoint
{
    private const string Parameters =
        "PoliticalBirthdays (month; year for the anniversary), MedalCandidates (光荣在党50年 on 1 July of year, "
        + "without those given the medal in an earlier year; newlyEligible, medalYear), LostContact (no "
        + "organization life for 6 months; dues are not recorded yet, which its note says), ExpiringProbations "
        + "(withinDays, default 30)";

    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/lists/{kind}",
                async Task<Ok<MemberListPage>> (
                    [AsParameters] MemberListFilter filter,
                    int? page,
                    int? pageSize,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(filter.ToQuery(PageRequest.From(page, pageSize)), cancellationToken)
                    )
            )
            .WithName("ListMemberLists")
            .RequirePermission(Permissions.MembersRead)
            .WithSummary("The yearly lists within the caller's subtree: " + Parameters + ".")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group
            .MapGet(
                "/lists/{kind}/export",
                async Task<FileStreamHttpResult> (
                    [AsParameters] MemberListFilter filter,
                    SpreadsheetFormat? format,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                {
                    var kind = filter.Kind;
                    var list = await mediator.Send(filter.ToQuery(PageRequest.ForExport), cancellationToken);
                    var (chinese, english) = Titles[kind];
                    return ListExport.File(
                        list.AsPaged(),
                        Columns(kind),
                        format ?? SpreadsheetFormat.Xlsx,
                        Localized.Text(chinese, english),
                        english.ToLowerInvariant().Replace(' ', '-'),
                        clock
                    );
                }
            )
            .WithName("ExportMemberList")
            .RequirePermission(Permissions.MembersRead)
            .WithSummary(
                "A yearly list, whole, as .xlsx or .csv (format=Xlsx|Csv) with the list's parameters: "
                    + Parameters
                    + ". At most 50,000 rows (409 export_too_large)."
            )
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static readonly Dictionary<MemberListKind, (string Chinese, string English)> Titles = new()
    {
        [MemberListKind.PoliticalBirthdays] = ("政治生日", "Political birthdays"),
        [MemberListKind.MedalCandidates] = ("光荣在党50年", "Fifty years in the Party"),
        [MemberListKind.LostContact] = ("失联风险", "Lost contact"),
        [MemberListKind.ExpiringProbations] = ("预备期将满", "Probations ending"),
    };

    /// <summary>The columns the screen shows, with the list's own date (and, where it counts, its years).</summary>
    private static List<ExportColumn<MemberOnList>> Columns(MemberListKind kind)
    {
        List<ExportColumn<MemberOnList>> columns =
        [
            MemberSheets.Name.Exported<MemberOnList>(m => m.Name),
            MemberSheets.Gender.Exported<MemberOnList>(m => MemberSheets.Label(m.Gender)),
            new("年龄", "Age", m => m.Age),
            MemberSheets.Organization.Exported<MemberOnList>(m => m.OrganizationName),
            MemberSheets.Stage.Exported<MemberOnList>(m => MemberSheets.Label(m.Stage)),
        ];
        columns.Add(
            kind switch
            {
                MemberListKind.PoliticalBirthdays => new("政治生日", "Anniversary", m => MemberSheets.Date(m.Date)),
                MemberListKind.MedalCandidates => MemberSheets.FullMemberOn.Exported<MemberOnList>(m =>
                    MemberSheets.Date(m.Date)
                ),
                MemberListKind.LostContact => new(
                    "最近组织生活",
                    "Last organization life",
                    m => MemberSheets.Date(m.Date)
                ),
                _ => new("预备期满", "Probation ends", m => MemberSheets.Date(m.Date)),
            }
        );
        if (kind == MemberListKind.PoliticalBirthdays)
        {
            columns.Add(new("入党年数", "Years since joining", m => m.Years));
        }
        else if (kind == MemberListKind.MedalCandidates)
        {
            columns.Add(new("党龄（年）", "Party standing (years)", m => m.Years));
            columns.Add(
                new(
                    "当年新达到",
                    "Newly eligible",
                    m => m.NewlyEligible == true ? Localized.Text("是", "Yes") : Localized.Text("否", "No")
                )
            );
            columns.Add(new("颁发单位", "Given by", m => m.MedalAwardedBy));
        }
        return columns;
    }
}
