using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Dividends.ListCollectives;

internal static class ListCollectivesEndpoint
{
    private const string Parameters =
        "organizationId narrows to an organization's subtree; kind StockCooperative/BranchLedCooperative; q searches "
        + "the name and the credit code. Sort by name, creditCode, landTransferredMu, establishedOn, members.";

    private static readonly IReadOnlyList<ExportColumn<CollectiveResponse>> Columns =
    [
        new("名称", "Name", c => c.Name),
        new("类型", "Kind", c => Labels.Text(c.Kind)),
        new("统一社会信用代码", "Credit code", c => c.CreditCode),
        new("所属组织", "Organization", c => c.OrganizationName),
        new("流转土地（亩）", "Land transferred (mu)", c => c.LandTransferredMu),
        new("股权管理", "Share management", c => Labels.Text(c.ShareManagement)),
        new("成立日期", "Established on", c => c.EstablishedOn?.ToString("yyyy-MM-dd")),
        new("户数", "Households", c => c.Households),
        new("成员数", "Members", c => c.Members),
    ];

    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/collectives",
                async Task<Ok<Paged<CollectiveResponse>>> (
                    [AsParameters] CollectiveFilter filter,
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
            .WithName("ListCollectives")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary("Collectives in the caller's scope: " + Parameters)
            .ProducesValidationProblem();

        group
            .MapGet(
                "/collectives/export",
                async Task<FileStreamHttpResult> (
                    [AsParameters] CollectiveFilter filter,
                    string? sort,
                    SpreadsheetFormat? format,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                {
                    var list = await mediator.Send(filter.ToQuery(PageRequest.ForExport, sort), cancellationToken);
                    return ListExport.File(
                        list,
                        Columns,
                        format ?? SpreadsheetFormat.Xlsx,
                        Localized.Text("集体经济组织", "Collectives"),
                        "collectives",
                        clock
                    );
                }
            )
            .WithName("ExportCollectives")
            .RequirePermission(Permissions.DividendsRead)
            .WithSummary(
                "The collectives, whole, as .xlsx or .csv (format=Xlsx|Csv) with the list's parameters: "
                    + Parameters
                    + " At most 50,000 rows (409 export_too_large)."
            )
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem();
    }
}
