using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Volunteering.ListVolunteers;

/// <summary>The list's filters, bound once for the list and its export.</summary>
internal sealed record VolunteerFilter(
    [FromQuery(Name = "organizationId")] Guid? OrganizationId,
    [FromQuery(Name = "teamId")] Guid? TeamId,
    [FromQuery(Name = "kind")] VolunteerKind? Kind,
    [FromQuery(Name = "q")] string? Q
)
{
    public ListVolunteersQuery ToQuery(PageRequest page, string? sort) =>
        new(OrganizationId, TeamId, Kind, Q, page, sort);
}

internal static class ListVolunteersEndpoint
{
    private const string Parameters =
        "organizationId (its subtree), teamId, kind Member/Resident, q (part of the name). "
        + "Sort by name, totalHours, createdAt (default -totalHours). Phones are masked.";

    private static readonly IReadOnlyList<ExportColumn<VolunteerResponse>> Columns =
    [
        new("姓名", "Name", v => v.Name),
        new("类型", "Kind", v => Labels.Text(v.Kind)),
        new("所属党组织", "Organization", v => v.OrganizationName),
        new("联系电话", "Phone", v => v.PhoneMasked),
        new("特长", "Skills", v => string.Join("、", v.Skills)),
        new("累计服务时长（小时）", "Hours served", v => v.TotalHours),
        new("星级", "Star level", v => v.StarLevel),
    ];

    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/volunteers",
                async Task<Ok<Paged<VolunteerResponse>>> (
                    [AsParameters] VolunteerFilter filter,
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
            .WithName("ListVolunteers")
            .RequirePermission(Permissions.VolunteeringRead)
            .WithSummary("Volunteers with their hours and star level: " + Parameters)
            .ProducesValidationProblem();

        group
            .MapGet(
                "/volunteers/export",
                async Task<FileStreamHttpResult> (
                    [AsParameters] VolunteerFilter filter,
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
                        Localized.Text("志愿者", "Volunteers"),
                        "volunteers",
                        clock
                    )
            )
            .WithName("ExportVolunteers")
            .RequirePermission(Permissions.VolunteeringRead)
            .WithSummary(
                "The volunteers, whole, as .xlsx or .csv (format=Xlsx|Csv) with the list's parameters: "
                    + Parameters
                    + " At most 50,000 rows (409 export_too_large)."
            )
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem();
    }
}
