using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Members.ListMeetings;

internal static class ListMeetingsEndpoint
{
    private const string Parameters =
        "An organization's recorded organization life, newest first; "
        + "sort by heldOn, kind or attendeeCount (prefix - for descending).";

    private static readonly IReadOnlyList<ExportColumn<MeetingResponse>> Columns =
    [
        new("会议日期", "Held on", m => MemberSheets.Date(m.HeldOn)),
        new("会议类型", "Meeting type", m => Localized.Text(Labels.Chinese(m.Kind), m.Kind.ToString())),
        new("主题", "Topic", m => m.Topic),
        new("参会人数", "Attendees", m => m.AttendeeCount),
    ];

    public static void Map(RouteGroupBuilder group)
    {
        group
            .MapGet(
                "/meetings",
                async Task<Ok<Paged<MeetingResponse>>> (
                    Guid organizationId,
                    int? page,
                    int? pageSize,
                    string? sort,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                    TypedResults.Ok(
                        await mediator.Send(
                            new ListMeetingsQuery(organizationId, PageRequest.From(page, pageSize), sort),
                            cancellationToken
                        )
                    )
            )
            .WithName("ListMeetings")
            .RequirePermission(Permissions.MembersRead)
            .WithSummary(Parameters)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group
            .MapGet(
                "/meetings/export",
                async Task<FileStreamHttpResult> (
                    Guid organizationId,
                    string? sort,
                    SpreadsheetFormat? format,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                {
                    var list = await mediator.Send(
                        new ListMeetingsQuery(organizationId, PageRequest.ForExport, sort),
                        cancellationToken
                    );
                    return ListExport.File(
                        list,
                        Columns,
                        format ?? SpreadsheetFormat.Xlsx,
                        Localized.Text("组织生活", "Organization life"),
                        "meetings",
                        clock
                    );
                }
            )
            .WithName("ExportMeetings")
            .RequirePermission(Permissions.MembersRead)
            .WithSummary(
                Parameters + " As .xlsx or .csv (format=Xlsx|Csv), whole; at most 50,000 rows (409 export_too_large)."
            )
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
