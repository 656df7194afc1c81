using System.Text;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Security;

namespace Jiceng.Modules.Assistance.Domain;

/// <summary>A supporting document as listed: the file name masked (it often names the person or the illness),
/// its kind, size and who uploaded it when. The content and the whole name come only through an audited download.
/// </summary>
internal sealed record ApplicationDocumentResponse(
    Guid Id,
    Guid ApplicationId,
    string FileName,
    string ContentType,
    long Size,
    string UploadedByName,
    DateTimeOffset UploadedAt
);

internal sealed record ApplicationDocumentRow
{
    public Guid Id { get; init; }
    public Guid ApplicationId { get; init; }
    public string FileName { get; init; } = "";
    public string? FileNameCipher { get; init; }
    public string ContentType { get; init; } = "";
    public long Size { get; init; }
    public string? UploadedByName { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public ApplicationDocumentResponse ToResponse() =>
        new(Id, ApplicationId, FileName, ContentType, Size, UploadedByName ?? "", CreatedAt);
}

/// <summary>
/// What a supporting document may be (PDF, JPEG or PNG, recognised by its first bytes as well as its name, up to
/// 5 MB, 20 per application) and how it is kept: content and file name encrypted with the personal-data key.
/// </summary>
internal static class ApplicationDocuments
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public const int MaxPerApplication = 20;

    public const int MaxFileNameLength = 100;

    public const string Columns = """
        id, application_id, file_name, file_name_cipher, content_type, size, uploaded_by_name, created_at
        """;

    public const string ListSql =
        "SELECT "
        + Columns
        + " FROM assistance_application_documents WHERE application_id = @id ORDER BY created_at, id";

    private static readonly (string Extension, string ContentType, byte[] Magic)[] Kinds =
    [
        (".pdf", "application/pdf", "%PDF-"u8.ToArray()),
        (".jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        (".jpeg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        (".png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
    ];

    /// <summary>The content type for an allowed file, judged by its name's extension and its first bytes; null when
    /// the file is not one of the allowed kinds (or claims to be one it is not).</summary>
    public static string? ContentTypeOf(string fileName, ReadOnlySpan<byte> content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        foreach (var (ext, type, magic) in Kinds)
        {
            if (ext == extension && content.StartsWith(magic))
            {
                return type;
            }
        }
        return null;
    }

    /// <summary>The name as lists show it: its first character and its extension, e.g. "张**.pdf".</summary>
    public static string Mask(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var first =
            stem.Length == 0 ? ""
            : char.IsSurrogate(stem[0]) && stem.Length > 1 ? stem[..2]
            : stem[..1];
        return first + "**" + extension;
    }

    /// <summary>The content kept encrypted: AES-GCM over its base64, stored as the protector's text in bytes.
    /// </summary>
    public static byte[] Seal(PersonalDataProtector protector, byte[] content) =>
        Encoding.ASCII.GetBytes(protector.Encrypt(Convert.ToBase64String(content)));

    public static byte[] Open(PersonalDataProtector protector, byte[] sealedContent) =>
        Convert.FromBase64String(protector.Decrypt(Encoding.ASCII.GetString(sealedContent)));

    public static async Task<IReadOnlyList<ApplicationDocumentRow>> ListAsync(
        DbSession db,
        Guid applicationId,
        CancellationToken cancellationToken
    ) => await db.QueryAsync<ApplicationDocumentRow>(ListSql, new { id = applicationId }, cancellationToken);

    public static NotFoundException NotFound() => new("document");
}
