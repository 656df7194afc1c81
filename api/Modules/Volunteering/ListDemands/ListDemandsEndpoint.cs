using System.Globalization;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Volunteering.ListDemands;

/// <summary>The list's filters, bound once from the query string for the list and its export.</summary>
internal sealed record DemandFilter(
    [FromQuery(Name = "state")] DemandState? State,
    [FromQuery(Name = "category")] string? Category,
    [FromQuery(Name = "organizationId")] Guid? OrganizationId,
    [FromQuery(Name = "includeDescendants")] bool? IncludeDescendants,
    [FromQuery(Name = "overdue")] bool? Overdue,
    [FromQuery(Name = "claimantId")] Guid? ClaimantId
)
{
    public ListDemandsQuery ToQuery(PageRequest page, string? sort) =>
        new(State, Category, OrganizationId, IncludeDescendants ?? true, Overdue ?? false, ClaimantId, page, sort);
}

internal static class ListDemandsEndpoint
{
    private const string Parameters =
        "state, category, organizationId (with includeDescendants, default true), overdue (late at the step it "
        + "waits for; sorted most late first), claimantId. Sort by submittedOn, dueOn, wishedOn, urgency, state, "
        + "category. Requesters are masked.";

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static readonly IReadOnlyList<ExportColumn<DemandResponse>> Columns =
    [
        new("所在社区", "Community", d => d.OrganizationName),
        new("服务类别", "Category", d => d.Category),
        new("需求内容", "Description", d => d.Description),
        new("点单人", "Requester", d => d.RequesterName),
        new("联系电话", "Phone", d => d.RequesterPhone),
        new("紧急程度", "Urgency", d => Labels.Text(d.Urgency)),
        new("状态", "State", d => Labels.Text(d.State)),
        new("点单日期", "Placed on", d => Date(d.SubmittedOn)),
        new("受理时限", "Accept by", d => Date(d.Deadlines.AcceptBy)),
        new("派单/接单时限", "Assign by", d => Date(d.Deadlines.AssignBy)),
        new("期望完成日期", "Complete by", d => Date(d.Deadlines.CompleteBy)),
        new("超期天数", "Days late", d => d.DaysLate),
        new("承接方", "Claimant", d => d.Claimant?.Name),
        new("服务时长（小时）", "Hours", d => d.ServiceHours),
        new("评价星级", "Stars", d => d.Stars),
    ];

    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/demands",
                async Task<Ok<Paged<DemandResponse>>> (
                    [AsParameters] DemandFilter filter,
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
            .WithName("ListDemands")
            .RequirePermission(Permissions.VolunteeringRead)
            .WithSummary("Residents' demands: " + Parameters)
            .ProducesValidationProblem();

        group
            .MapGet(
                "/demands/export",
                async Task<FileStreamHttpResult> (
                    [AsParameters] DemandFilter filter,
                    string? sort,
                    SpreadsheetFormat? format,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                {
                    var query = filter.ToQuery(PageRequest.ForExport, sort);
                    var list = await mediator.Send(query, cancellationToken);
                    return ListExport.File(
                        list,
                        Columns,
                        format ?? SpreadsheetFormat.Xlsx,
                        query.OverdueOnly
                            ? Localized.Text("超期群众点单", "Overdue demands")
                            : Localized.Text("群众点单", "Demands"),
                        query.OverdueOnly ? "overdue-demands" : "demands",
                        clock
                    );
                }
            )
            .WithName("ExportDemands")
            .RequirePermission(Permissions.VolunteeringRead)
            .WithSummary(
                "The demands, whole, as .xlsx or .csv (format=Xlsx|Csv) with the list's parameters: "
                    + Parameters
                    + " At most 50,000 rows (409 export_too_large)."
            )
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem();
    }
}
