using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.DownloadApplicationDocument;

/// <param name="Reason">Why (5–200 characters); kept in the audit log.</param>
internal sealed record DownloadDocumentRequest(string? Reason);

internal sealed record DownloadedDocument(string FileName, string ContentType, byte[] Content);

/// <summary>A supporting document whole: fund staff in scope, a reason, an audit row, the per-hour reveal limit.
/// </summary>
internal sealed record DownloadApplicationDocumentCommand(Guid ApplicationId, Guid DocumentId, string? Reason)
    : ICommand<DownloadedDocument>;

internal sealed class DownloadApplicationDocumentHandler(
    DbSession db,
    CurrentScope currentScope,
    PersonalDataReveal reveal,
    PersonalDataProtector protector
) : ICommandHandler<DownloadApplicationDocumentCommand, DownloadedDocument>
{
    private const string ContentSql = """
        SELECT file_name_cipher, content_type, content FROM assistance_application_documents
        WHERE id = @id AND application_id = @applicationId
        """;

    public async ValueTask<DownloadedDocument> Handle(
        DownloadApplicationDocumentCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var application = await Applications.FindAsync(db, scope, command.ApplicationId, cancellationToken);
        var row =
            await db.QuerySingleOrDefaultAsync<ContentRow>(
                ContentSql,
                new { id = command.DocumentId, applicationId = application.Id },
                cancellationToken
            ) ?? throw ApplicationDocuments.NotFound();
        var fileName = await reveal.RevealAsync(
            Permissions.FundsRead,
            command.Reason,
            "AssistanceDocument",
            command.DocumentId.ToString(),
            application.OrgId,
            "content",
            () => row.FileNameCipher is null ? "document" : protector.Decrypt(row.FileNameCipher),
            cancellationToken
        );
        return new DownloadedDocument(fileName, row.ContentType, ApplicationDocuments.Open(protector, row.Content));
    }

    private sealed record ContentRow
    {
        public string? FileNameCipher { get; init; }
        public string ContentType { get; init; } = "";
        public byte[] Content { get; init; } = [];
    }
}
