using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Volunteering.ListCommunityHours;

internal sealed record CommunityHoursFilter(
    [FromQuery(Name = "organizationId")] Guid? OrganizationId,
    [FromQuery(Name = "year")] int? Year
)
{
    public ListCommunityHoursQuery ToQuery(PageRequest page, string? sort, TimeProvider clock) =>
        new(OrganizationId, Year ?? clock.Today().Year, page, sort);
}

internal static class ListCommunityHoursEndpoint
{
    private const string Parameters =
        "organizationId (a community or a street: its subtree), year (this year by default). Sort by memberName "
        + "or hours (default -hours).";

    private static readonly IReadOnlyList<ExportColumn<CommunityHoursResponse>> Columns =
    [
        new("姓名", "Name", r => r.MemberName),
        new("所在单位党组织", "Own organization", r => r.MemberOrganizationName),
        new("报到社区", "Community", r => r.CommunityName),
        new(
            "报到日期",
            "Reported on",
            r => r.ReportedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        ),
        new("参加活动次数", "Sessions", r => r.Sessions),
        new("服务时长（小时）", "Hours", r => r.Hours),
    ];

    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/community-hours",
                async Task<Ok<Paged<CommunityHoursResponse>>> (
                    [AsParameters] CommunityHoursFilter filter,
                    int? page,
                    int? pageSize,
                    string? sort,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            filter.ToQuery(PageRequest.From(page, pageSize), sort, clock),
                            cancellationToken
                        )
                    )
            )
            .WithName("ListCommunityServiceHours")
            .RequirePermission(Permissions.VolunteeringRead)
            .WithSummary("双报到 members' hours in their residence community for a year: " + Parameters)
            .ProducesValidationProblem();

        group
            .MapGet(
                "/community-hours/export",
                async Task<FileStreamHttpResult> (
                    [AsParameters] CommunityHoursFilter filter,
                    string? sort,
                    SpreadsheetFormat? format,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                    ListExport.File(
                        await mediator.Send(filter.ToQuery(PageRequest.ForExport, sort, clock), cancellationToken),
                        Columns,
                        format ?? SpreadsheetFormat.Xlsx,
                        Localized.Text("双报到党员社区服务时长", "双报到 members' hours"),
                        "community-service-hours",
                        clock
                    )
            )
            .WithName("ExportCommunityServiceHours")
            .RequirePermission(Permissions.VolunteeringRead)
            .WithSummary(
                "双报到 members' hours, whole, as .xlsx or .csv (format=Xlsx|Csv) with the list's parameters: "
                    + Parameters
                    + " At most 50,000 rows (409 export_too_large)."
            )
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem();
    }
}
