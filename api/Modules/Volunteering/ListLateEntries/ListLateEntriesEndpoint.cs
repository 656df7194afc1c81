using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Volunteering.ListLateEntries;

internal sealed record LateEntryFilter([FromQuery(Name = "state")] SessionState? State)
{
    public ListLateEntriesQuery ToQuery(PageRequest page, string? sort) => new(State, page, sort);
}

internal static class ListLateEntriesEndpoint
{
    private const string Parameters =
        "state (PendingApproval by default, Completed for approved, Rejected). Sort by createdAt, startsAt, "
        + "volunteerName.";

    private static readonly IReadOnlyList<ExportColumn<SessionResponse>> Columns =
    [
        new("志愿者", "Volunteer", s => s.VolunteerName),
        new("活动", "Activity", s => s.ActivityTitle),
        new(
            "服务日期",
            "Day",
            s => s.ServiceDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        ),
        new("补录理由", "Reason", s => s.LateReason),
        new("状态", "State", s => Labels.Text(s.State)),
        new("记录时长（小时）", "Credited hours", s => s.CreditedHours),
        new("审核意见", "Decision", s => s.DecisionNote),
    ];

    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/late-entries",
                async Task<Ok<Paged<SessionResponse>>> (
                    [AsParameters] LateEntryFilter filter,
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
            .WithName("ListVolunteerLateEntries")
            .RequirePermission(Permissions.VolunteeringRead)
            .WithSummary("Late entries (补录): " + Parameters)
            .ProducesValidationProblem();

        group
            .MapGet(
                "/late-entries/export",
                async Task<FileStreamHttpResult> (
                    [AsParameters] LateEntryFilter filter,
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
                        Localized.Text("补录记录", "Late entries"),
                        "volunteer-late-entries",
                        clock
                    )
            )
            .WithName("ExportVolunteerLateEntries")
            .RequirePermission(Permissions.VolunteeringRead)
            .WithSummary(
                "The late entries, whole, as .xlsx or .csv (format=Xlsx|Csv) with the list's parameters: "
                    + Parameters
                    + " At most 50,000 rows (409 export_too_large)."
            )
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem();
    }
}
