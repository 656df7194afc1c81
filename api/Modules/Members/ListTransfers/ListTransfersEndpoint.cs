using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Members.ListTransfers;

/// <summary>The list's filters, bound once from the query string for the list and its export.</summary>
internal sealed record TransferFilter(
    [FromQuery(Name = "direction")] TransferDirection? Direction,
    [FromQuery(Name = "status")] TransferStatus? Status,
    [FromQuery(Name = "expiredOnly")] bool? ExpiredOnly
)
{
    public ListTransfersQuery ToQuery(PageRequest page, string? sort) =>
        new(Direction ?? TransferDirection.Outbox, Status, ExpiredOnly ?? false, page, sort);
}

internal static class ListTransfersEndpoint
{
    private const string Parameters =
        "Outbox (letters out of the caller's subtree) or Inbox (into it); status Pending/Received; expiredOnly lists "
        + "pending letters past their validity. Sort by issuedOn, validUntil, memberName.";

    private static readonly IReadOnlyList<ExportColumn<TransferResponse>> Columns =
    [
        MemberSheets.Name.Exported<TransferResponse>(t => t.MemberName),
        new("转出党组织", "From", t => t.FromOrganizationName),
        new("转入党组织", "To", t => t.ToOrganizationName ?? t.ToExternal),
        new("介绍信编号", "Letter number", t => t.LetterNumber),
        new("开具日期", "Issued on", t => MemberSheets.Date(t.IssuedOn)),
        new("有效期至", "Valid until", t => MemberSheets.Date(t.ValidUntil)),
        new("状态", "Status", t => t.Expired ? Localized.Text("已过期", "Expired") : Labels.Text(t.Status)),
        new("回执日期", "Received on", t => MemberSheets.Date(t.ReceivedOn)),
    ];

    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/transfers",
                async Task<Ok<Paged<TransferResponse>>> (
                    [AsParameters] TransferFilter filter,
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
            .WithName("ListTransfers")
            .RequirePermission(Permissions.MembersRead)
            .WithSummary("Transfer letters: " + Parameters)
            .ProducesValidationProblem();

        group
            .MapGet(
                "/transfers/export",
                async Task<FileStreamHttpResult> (
                    [AsParameters] TransferFilter filter,
                    string? sort,
                    SpreadsheetFormat? format,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                {
                    var query = filter.ToQuery(PageRequest.ForExport, sort);
                    var box = query.Direction;
                    var list = await mediator.Send(query, cancellationToken);
                    return ListExport.File(
                        list,
                        Columns,
                        format ?? SpreadsheetFormat.Xlsx,
                        box == TransferDirection.Outbox
                            ? Localized.Text("组织关系转出", "Transfers out")
                            : Localized.Text("组织关系转入", "Transfers in"),
                        box == TransferDirection.Outbox ? "transfers-out" : "transfers-in",
                        clock
                    );
                }
            )
            .WithName("ExportTransfers")
            .RequirePermission(Permissions.MembersRead)
            .WithSummary(
                "The transfer letters, whole, as .xlsx or .csv (format=Xlsx|Csv) with the list's parameters: "
                    + Parameters
                    + " At most 50,000 rows (409 export_too_large)."
            )
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem();
    }
}
