using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Members.ListCommunityReports;

internal static class ListCommunityReportsEndpoint
{
    private const string Parameters =
        "members who reported to a community in the caller's subtree (双报到), from whatever region they work in: names "
        + "and organizations only; includeEnded adds ended reports. Newest report first; sort by reportedOn or "
        + "memberName (prefix - for descending).";

    private static readonly IReadOnlyList<ExportColumn<CommunityReport>> Columns =
    [
        MemberSheets.Name.Exported<CommunityReport>(r => r.MemberName),
        MemberSheets.Organization.Exported<CommunityReport>(r => r.MemberOrganizationName),
        new("报到社区", "Community", r => r.CommunityName),
        new("报到日期", "Reported on", r => MemberSheets.Date(r.ReportedOn)),
        new("结束日期", "Ended on", r => MemberSheets.Date(r.EndedOn)),
    ];

    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/community-reports",
                async Task<Ok<Paged<CommunityReport>>> (
                    Guid communityOrganizationId,
                    bool? includeEnded,
                    int? page,
                    int? pageSize,
                    string? sort,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            new ListCommunityReportsQuery(
                                communityOrganizationId,
                                includeEnded ?? false,
                                PageRequest.From(page, pageSize),
                                sort
                            ),
                            cancellationToken
                        )
                    )
            )
            .WithName("ListCommunityReports")
            .RequirePermission(Permissions.MembersRead)
            .WithSummary("The " + Parameters)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group
            .MapGet(
                "/community-reports/export",
                async Task<FileStreamHttpResult> (
                    Guid communityOrganizationId,
                    bool? includeEnded,
                    string? sort,
                    SpreadsheetFormat? format,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                {
                    var list = await mediator.Send(
                        new ListCommunityReportsQuery(
                            communityOrganizationId,
                            includeEnded ?? false,
                            PageRequest.ForExport,
                            sort
                        ),
                        cancellationToken
                    );
                    return ListExport.File(
                        list,
                        Columns,
                        format ?? SpreadsheetFormat.Xlsx,
                        Localized.Text("双报到", "Community reports"),
                        "community-reports",
                        clock
                    );
                }
            )
            .WithName("ExportCommunityReports")
            .RequirePermission(Permissions.MembersRead)
            .WithSummary(
                "As .xlsx or .csv (format=Xlsx|Csv), whole, the "
                    + Parameters
                    + " At most 50,000 rows (409 export_too_large)."
            )
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
