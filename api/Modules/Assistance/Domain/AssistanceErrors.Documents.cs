using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Assistance.Domain;

/// <summary>Refusals of an application's supporting documents.</summary>
internal static partial class AssistanceErrors
{
    private static Dictionary<string, object?> FileField() => new() { ["field"] = "file" };

    public static BusinessRuleException DocumentTypeNotAllowed() =>
        new(
            "document_type_not_allowed",
            "证明材料只能上传 PDF、JPG 或 PNG 文件。",
            "Supporting documents must be PDF, JPG or PNG files.",
            FileField()
        );

    public static BusinessRuleException DocumentTooLarge(long maxBytes) =>
        new(
            "document_too_large",
            $"证明材料不能超过 {maxBytes / 1024 / 1024} MB。",
            $"A supporting document may be at most {maxBytes / 1024 / 1024} MB.",
            new Dictionary<string, object?> { ["field"] = "file", ["maxBytes"] = maxBytes }
        );

    public static BusinessRuleException DocumentEmpty() =>
        new("document_empty", "上传的文件是空的。", "The uploaded file is empty.", FileField());

    public static BusinessRuleException TooManyDocuments(int max) =>
        new(
            "too_many_documents",
            $"每份申请最多上传 {max} 份证明材料。",
            $"An application may have at most {max} supporting documents.",
            new Dictionary<string, object?> { ["field"] = "file", ["max"] = max }
        );

    public static BusinessRuleException DocumentsClosed(ApplicationStatus status) =>
        new(
            "documents_closed",
            $"申请当前为「{Labels.Of(status).Chinese}」，不能再补充证明材料。",
            $"The application is at \"{Labels.Of(status).English}\"; no more documents can be added.",
            // Not "status": that key is the problem's own HTTP status.
            new Dictionary<string, object?> { ["applicationStatus"] = status, ["field"] = "file" }
        );
}
