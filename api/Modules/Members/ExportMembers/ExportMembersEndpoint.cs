using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Members.ExportMembers;

internal static class ExportMembersEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/export",
                async Task<FileStreamHttpResult> (
                    [AsParameters] MemberFilter filter,
                    string? sort,
                    SpreadsheetFormat? format,
                    string? revealReason,
                    IMediator mediator,
                    TimeProvider clock,
                    CancellationToken cancellationToken
                ) =>
                {
                    var members = await mediator.Send(
                        new ExportMembersQuery(filter, sort, revealReason),
                        cancellationToken
                    );
                    return ListExport.File(
                        members,
                        ExportMembersHandler.Columns,
                        format ?? SpreadsheetFormat.Xlsx,
                        Localized.Text("党员", "Members"),
                        "members",
                        clock
                    );
                }
            )
            .WithName("ExportMembers")
            .RequirePermission(Permissions.MembersRead)
            .WithSummary("Export the member register as filtered on the list")
            .WithDescription(
                "Export the member register as filtered on the list (same parameters) to .xlsx or .csv "
                    + "(format=Xlsx|Csv), at most 50,000 rows (409 export_too_large). "
                    + "ID numbers and phones are masked; revealReason "
                    + "(5–200 characters, with members.reveal-pii) exports them "
                    + "whole, each member one audited reveal counted against "
                    + "Security:RevealsPerHour (409 reveal_too_large past "
                    + "the limit, 429 past what is left of the hour). At most "
                    + "Security:ConcurrentExportsPerCaller exports at once per caller (429)."
            )
            .ProducesSpreadsheet()
            .WithExportLimit()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
