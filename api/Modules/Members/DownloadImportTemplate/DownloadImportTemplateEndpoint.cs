using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Members.DownloadImportTemplate;

internal static class DownloadImportTemplateEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapGet(
                "/import/template",
                async Task<FileContentHttpResult> (IMediator mediator, CancellationToken cancellationToken) =>
                    TypedResults.File(
                        await mediator.Send(new DownloadImportTemplateQuery(), cancellationToken),
                        ListExport.XlsxContentType,
                        "member-import-template.xlsx"
                    )
            )
            .WithName("DownloadMemberImportTemplate")
            .RequirePermission(Permissions.MembersWrite)
            .WithSummary(
                "The member import template (.xlsx): the columns in order with an example row, and a sheet "
                    + "explaining each column and its allowed values."
            )
            .Produces(StatusCodes.Status200OK, contentType: ListExport.XlsxContentType);
}
