using System.Globalization;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Volunteering.ListMicroWishes;

internal static class ListMicroWishesEndpoint
{
    private const string Parameters =
        "Filter by state, kind, organizationId (with its descendants unless includeDescendants=false) and year "
        + "placed. Sort by placedOn, state, estimatedValue, deliveredOn.";

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    // The resident's name and phone go out masked, as on screen; the reveal route is the only way to the whole value.
    private static readonly IReadOnlyList<ExportColumn<MicroWishResponse>> Columns =
    [
        new("社区（党组织）", "Community", w => w.OrganizationName),
        new("心愿类型", "Kind", w => Labels.Text(w.Kind)),
        new("心愿内容", "Wish", w => w.Description),
        new("价值（元）", "Value (yuan)", w => w.EstimatedValue.Yuan),
        new("心愿人", "Resident", w => w.PersonName),
        new("联系电话", "Phone", w => w.PersonPhone),
        new("状态", "State", w => Labels.Text(w.State)),
        new("登记日期", "Placed on", w => Date(w.PlacedOn)),
        new("认领方", "Claimant", w => w.ClaimantName),
        new("认领日期", "Claimed on", w => Date(w.ClaimedOn)),
        new("送达日期", "Delivered on", w => Date(w.DeliveredOn)),
        new("确认收到日期", "Received on", w => Date(w.ReceivedOn)),
    ];

    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/wishes",
                async Task<Ok<Paged<MicroWishResponse>>> (
                    [AsParameters] MicroWishFilter filter,
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
            .WithName("ListMicroWishes")
            .RequirePermission(Permissions.VolunteeringRead)
            .WithSummary("Micro-wishes: " + Parameters)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group
            .MapGet(
                "/wishes/export",
                async Task<FileStreamHttpResult> (
                    [AsParameters] MicroWishFilter filter,
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
                        Localized.Text("微心愿", "Micro-wishes"),
                        "micro-wishes",
                        clock
                    )
            )
            .WithName("ExportMicroWishes")
            .RequirePermission(Permissions.VolunteeringRead)
            .WithSummary(
                "The micro-wishes, whole, as .xlsx or .csv (format=Xlsx|Csv) with the list's parameters: "
                    + Parameters
                    + " Names and phones masked. At most 50,000 rows (409 export_too_large)."
            )
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
