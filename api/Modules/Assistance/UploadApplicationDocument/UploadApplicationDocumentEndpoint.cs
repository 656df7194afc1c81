using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Jiceng.Modules.Assistance.UploadApplicationDocument;

internal static class UploadApplicationDocumentEndpoint
{
    // The whole request may carry a file just over the document limit plus the multipart framing, so a file of
    // 5 MB and a byte reaches the handler (409 with the limit) instead of the server-wide 1 MB body limit (400/413).
    private const long RequestLimit = ApplicationDocuments.MaxBytes + 64 * 1024;

    public static void Map(RouteGroupBuilder group) =>
        group
            .MapPost(
                "/applications/{id:guid}/documents",
                async Task<Created<UploadedDocument>> (
                    Guid id,
                    IFormFile? file,
                    [FromHeader(Name = "If-Match")] string? ifMatch,
                    IMediator mediator,
                    HttpResponse response,
                    CancellationToken cancellationToken
                ) =>
                {
                    var expected = ETags.ParseIfMatch(ifMatch);
                    byte[]? content = null;
                    // A file over the limit is refused by its length, never read into memory.
                    if (file is not null && file.Length <= ApplicationDocuments.MaxBytes)
                    {
                        using var buffer = new MemoryStream((int)file.Length);
                        await file.CopyToAsync(buffer, cancellationToken);
                        content = buffer.ToArray();
                    }
                    var uploaded = await mediator.Send(
                        new UploadApplicationDocumentCommand(id, expected, file?.FileName, file?.Length ?? 0, content),
                        cancellationToken
                    );
                    response.SetETag(uploaded.ApplicationVersion);
                    return TypedResults.Created(
                        $"/api/v1/assistance/applications/{id}/documents/{uploaded.Document.Id}",
                        uploaded
                    );
                }
            )
            .WithName("UploadApplicationDocument")
            .RequirePermission(Permissions.FundsWrite)
            .WithSummary("Add a supporting document to an application")
            .WithDescription(
                "Multipart field 'file': a PDF, JPG or PNG (judged by name and content) up to 5 MB, 20 per "
                    + "application, while the application is not yet paid, rejected or cancelled. Requires If-Match "
                    + "(the application's ETag; the answer carries the new one). Content and file name are stored "
                    + "encrypted; lists show the name masked. 409 document_type_not_allowed, document_too_large, "
                    + "document_empty, too_many_documents, documents_closed."
            )
            // Sign-in cookies are SameSite=Strict and API keys are headers, so a cross-site form cannot post here.
            .DisableAntiforgery()
            // A retried upload (same bytes, same key) answers the first one again instead of adding a copy.
            .WithIdempotency()
            .WithMetadata(new UploadSizeLimit(RequestLimit))
            .WithFormOptions(multipartBodyLengthLimit: RequestLimit)
            .ProducesIfMatchProblems()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

/// <summary>Raises the server's request body limit for this route only (read by the endpoint middleware).</summary>
internal sealed record UploadSizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
