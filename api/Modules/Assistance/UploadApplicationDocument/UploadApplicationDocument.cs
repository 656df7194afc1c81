using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.UploadApplicationDocument;

/// <summary>The uploaded document with the application's new version (its ETag).</summary>
internal sealed record UploadedDocument(ApplicationDocumentResponse Document, long ApplicationVersion);

/// <summary>The upload as the endpoint read it.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="ExpectedVersion">Its version from If-Match.</param>
/// <param name="FileName">The name the file came with (null when no file was sent).</param>
/// <param name="Length">The file's length as sent.</param>
/// <param name="Content">The file's bytes; null when the file was too large to read (its length says so).</param>
internal sealed record UploadApplicationDocumentCommand(
    Guid ApplicationId,
    long ExpectedVersion,
    string? FileName,
    long Length,
    byte[]? Content
) : ICommand<UploadedDocument>;

internal sealed class UploadApplicationDocumentValidator : AbstractValidator<UploadApplicationDocumentCommand>
{
    public UploadApplicationDocumentValidator()
    {
        RuleFor(c => c.FileName)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .WithMessage(_ => Localized.Text("请选择要上传的文件。", "Choose a file to upload."))
            .MaximumLength(ApplicationDocuments.MaxFileNameLength)
            .Field("file");
    }
}

/// <summary>
/// Adds a supporting document to an application still being decided (up to approval): checked by kind and size,
/// kept encrypted (content and name), the application's version bumped in the same conditional statement so two
/// uploads against one copy cannot both pass the count, and the step recorded with the masked name only.
/// </summary>
internal sealed class UploadApplicationDocumentHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    PersonalDataProtector protector,
    AuditTrail trail,
    TimeProvider clock
) : ICommandHandler<UploadApplicationDocumentCommand, UploadedDocument>
{
    private static readonly ApplicationStatus[] Open =
    [
        ApplicationStatus.Submitted,
        ApplicationStatus.Reviewed,
        ApplicationStatus.StreetApproved,
        ApplicationStatus.Approved,
    ];

    private const string BumpSql = """
        UPDATE assistance_applications SET version = version + 1, updated_at = @now
        WHERE id = @id AND version = @version AND status IN ('Submitted', 'Reviewed', 'StreetApproved', 'Approved')
          AND org_path >= @from AND org_path < @to
          AND (SELECT COUNT(*) FROM assistance_application_documents d WHERE d.application_id = @id) < @max
        """;

    private const string InsertSql = """
        INSERT INTO assistance_application_documents (id, application_id, file_name, file_name_cipher, content_type,
            size, content, uploaded_by, uploaded_by_name, created_at)
        VALUES (@id, @applicationId, @fileName, @fileNameCipher, @contentType, @size, @content, @uploadedBy,
            @uploadedByName, @now)
        """;

    private const string CountSql = "SELECT COUNT(*) FROM assistance_application_documents WHERE application_id = @id";

    public async ValueTask<UploadedDocument> Handle(
        UploadApplicationDocumentCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var application = await Applications.FindAsync(db, scope, command.ApplicationId, cancellationToken);
        if (application.Version != command.ExpectedVersion)
        {
            throw new PreconditionFailedException();
        }
        if (!Open.Contains(application.Status))
        {
            throw AssistanceErrors.DocumentsClosed(application.Status);
        }
        if (command.Length > ApplicationDocuments.MaxBytes || command.Content is null)
        {
            throw AssistanceErrors.DocumentTooLarge(ApplicationDocuments.MaxBytes);
        }
        if (command.Content.Length == 0)
        {
            throw AssistanceErrors.DocumentEmpty();
        }
        var fileName = Path.GetFileName(command.FileName!.Trim());
        var contentType =
            ApplicationDocuments.ContentTypeOf(fileName, command.Content)
            ?? throw AssistanceErrors.DocumentTypeNotAllowed();
        var now = clock.GetUtcNow();
        var bumped = await db.ExecuteAsync(
            BumpSql,
            new
            {
                id = application.Id,
                version = application.Version,
                now,
                from = scope.From,
                to = scope.To,
                max = ApplicationDocuments.MaxPerApplication,
            },
            cancellationToken
        );
        if (bumped == 0)
        {
            var current = await Applications.FindAsync(db, scope, application.Id, cancellationToken);
            if (current.Version != application.Version)
            {
                throw new PreconditionFailedException();
            }
            var count = await db.ExecuteScalarAsync<long>(CountSql, new { id = application.Id }, cancellationToken);
            throw count >= ApplicationDocuments.MaxPerApplication
                ? AssistanceErrors.TooManyDocuments(ApplicationDocuments.MaxPerApplication)
                : AssistanceErrors.DocumentsClosed(current.Status);
        }
        var caller = callers.Current;
        var row = new ApplicationDocumentRow
        {
            Id = Guid.CreateVersion7(),
            ApplicationId = application.Id,
            FileName = ApplicationDocuments.Mask(fileName),
            ContentType = contentType,
            Size = command.Content.Length,
            UploadedByName = caller.ShownName,
            CreatedAt = now,
        };
        await db.ExecuteAsync(
            InsertSql,
            new
            {
                id = row.Id,
                applicationId = row.ApplicationId,
                fileName = row.FileName,
                fileNameCipher = protector.Encrypt(fileName),
                contentType,
                size = row.Size,
                content = ApplicationDocuments.Seal(protector, command.Content),
                uploadedBy = caller.Id,
                uploadedByName = caller.ShownName,
                now,
            },
            cancellationToken
        );
        await Applications.RecordStepAsync(
            db,
            application.Id,
            "DocumentAdded",
            caller,
            new
            {
                documentId = row.Id,
                fileName = row.FileName,
                size = row.Size,
            },
            now,
            cancellationToken
        );
        // The audit row names the document by its masked name: the derived one would copy the file and its name.
        trail.Record(
            new AuditRecord(
                "UploadApplicationDocument",
                "AssistanceDocument",
                row.Id.ToString(),
                application.OrgId,
                null,
                new
                {
                    applicationId = application.Id,
                    fileName = row.FileName,
                    contentType,
                    size = row.Size,
                }
            )
        );
        return new UploadedDocument(row.ToResponse(), application.Version + 1);
    }
}
