using Jiceng.Infrastructure.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiceng.Modules.Assistance.DownloadApplicationDocument;

internal static class DownloadApplicationDocumentEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/applications/{id:guid}/documents/{documentId:guid}/download",
                async Task<FileContentHttpResult> (
                    Guid id,
                    Guid documentId,
                    DownloadDocumentRequest request,
                    IMediator mediator,
                    CancellationToken cancellationToken
                ) =>
                {
                    var document = await mediator.Send(
                        new DownloadApplicationDocumentCommand(id, documentId, request.Reason),
                        cancellationToken
                    );
                    return TypedResults.File(document.Content, document.ContentType, document.FileName);
                }
            )
            .WithName("DownloadApplicationDocument")
            .RequirePermission(Permissions.FundsRead)
            .WithSummary("Download a supporting document with a reason")
            .WithDescription(
                "The document's content with its whole file name: needs a reason (5–200 characters); every "
                    + "download is audited and counts against the per-hour reveal limit."
            )
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
