using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Volunteering.ListActivities;

internal sealed record ActivityFilter(
    [FromQuery(Name = "organizationId")] Guid? OrganizationId,
    [FromQuery(Name = "teamId")] Guid? TeamId,
    [FromQuery(Name = "from")] DateOnly? From,
    [FromQuery(Name = "to")] DateOnly? To
)
{
    public ListActivitiesQuery ToQuery(PageRequest page, string? sort) =>
        new(OrganizationId, TeamId, From, To, page, sort);
}

internal static class ListActivitiesEndpoint
{
    private const string Parameters =
        "organizationId (its subtree), teamId, from and to (the activity's day). Sort by startsAt, title, signedUp.";

    private static readonly IReadOnlyList<ExportColumn<ActivityResponse>> Columns =
    [
        new("活动名称", "Activity", a => a.Title),
        new("组织单位", "Organization", a => a.OrganizationName),
        new("服务队", "Team", a => a.TeamName),
        new("地点", "Place", a => a.Place),
        new("开始时间", "Starts", a => Time(a.StartsAt)),
        new("结束时间", "Ends", a => Time(a.EndsAt)),
        new("名额", "Quota", a => a.Quota),
        new("已报名", "Signed up", a => a.SignedUp),
    ];

    private static string Time(DateTimeOffset at) =>
        TimeZoneInfo
            .ConvertTime(at, ShanghaiCalendar.Zone)
            .ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/activities",
                async Task<Ok<Paged<ActivityResponse>>> (
                    [AsParameters] ActivityFilter filter,
                    int? page,
                    int? pageSize,
                    string? sort,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(filter.ToQuery(PageRequest.From(page, pageSize), sort), cancellationToken)
                    )
            )
            .WithName("ListVolunteerActivities")
            .RequirePermission(Permissions.VolunteeringRead)
            .WithSummary("Volunteer activities: " + Parameters)
            .ProducesValidationProblem();

        group
            .MapGet(
                "/activities/export",
                async Task<FileStreamHttpResult> (
                    [AsParameters] ActivityFilter filter,
                    string? sort,
                    SpreadsheetFormat? format,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                    ListExport.File(
                        await mediator.Send(filter.ToQuery(PageRequest.ForExport, sort), cancellationToken),
                        Columns,
                        format ?? SpreadsheetFormat.Xlsx,
                        Localized.Text("志愿服务活动", "Volunteer activities"),
                        "volunteer-activities",
                        clock
                    )
            )
            .WithName("ExportVolunteerActivities")
            .RequirePermission(Permissions.VolunteeringRead)
            .WithSummary(
                "The activities, whole, as .xlsx or .csv (format=Xlsx|Csv) with the list's parameters: "
                    + Parameters
                    + " At most 50,000 rows (409 export_too_large)."
            )
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem();
    }
}
